/**
 * The openCypher TCK over Bolt: every scenario through the official driver against a server started in
 * this process (target/bolt-target.ts), with its own denylist (denylist-bolt.txt). Same environment
 * variables as tck.test.ts, except that the target is always `bolt`. About 20 s on the 2-core machine.
 */
import { defineTckSuite } from './tck-suite.js';

await defineTckSuite('bolt');
