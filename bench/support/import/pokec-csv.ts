/**
 * Writes the Pokec-shaped graph of bench/support/mgbench/pokec-data.ts as neo4j-admin import CSVs that Kuzu's
 * COPY FROM reads too (its HEADER=true skips the header and maps columns by position):
 * `users.csv` — `id:ID(User),age:int,gender,region,completion_percentage:int`, and
 * `friends.csv` — `:START_ID(User),:END_ID(User)`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { generatePokec } from '../mgbench/pokec-data.js';

/** The written files and what they hold. */
export interface PokecCsv {
  readonly users: string;
  readonly friends: string;
  readonly userCount: number;
  readonly friendCount: number;
}

export const USER_HEADER = 'id:ID(User),age:int,gender,region,completion_percentage:int';
export const FRIEND_HEADER = ':START_ID(User),:END_ID(User)';

/** Writes lines in large pieces. */
function writeLines(path: string, header: string, count: number, line: (index: number) => string): void {
  const fd = openSync(path, 'w');
  try {
    let buffer = `${header}\n`;
    for (let index = 0; index < count; index++) {
      buffer += `${line(index)}\n`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

/** Generates `users` users (seed 42) and writes both files into `directory`. */
export function writePokecCsv(directory: string, users: number): PokecCsv {
  const data = generatePokec(users);
  const usersPath = join(directory, 'users.csv');
  const friendsPath = join(directory, 'friends.csv');
  writeLines(usersPath, USER_HEADER, data.users.length, (index) => {
    const user = data.users[index]!;
    return `${user.id},${user.age},${user.gender},${user.region},${user.completion_percentage}`;
  });
  writeLines(
    friendsPath,
    FRIEND_HEADER,
    data.from.length,
    (index) => `${data.from[index]!},${data.to[index]!}`,
  );
  return {
    users: usersPath,
    friends: friendsPath,
    userCount: data.users.length,
    friendCount: data.from.length,
  };
}
