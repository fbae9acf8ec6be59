import type { AuthenticatedUser } from '../../backend.js';
import { formatProtocolVersion } from '../../protocol-version.js';
import type { HandlerContext } from '../context.js';

/**
 * The metadata of INIT's and HELLO's SUCCESS (bolt-spec-digest §6.2): `server` (the Neo4j-style agent
 * drivers insist on), `connection_id` (3+), `hints` (4.3+; `telemetry.enabled` 5.4+ and `ssr.enabled` 5.8+
 * only when configured; never `connection.recv_timeout_seconds`, which would oblige us to send NOOPs),
 * `patch_bolt` (4.3/4.4, when the utc patch was agreed), `protocol_version` (5.7+, manifest handshake only),
 * `credentials_expired` when the backend says so.
 */
export function helloSuccessMetadata(
  context: HandlerContext,
  utcPatch: boolean,
  user: AuthenticatedUser | null,
): Record<string, unknown> {
  const shape = context.descriptor.helloSuccess;
  const settings = context.settings;
  const metadata: Record<string, unknown> = { server: context.backend.serverInfo.agent };
  if (shape.connectionId) metadata['connection_id'] = settings.connectionId;
  if (shape.hints) {
    const hints: Record<string, unknown> = {};
    if (shape.telemetryHint && settings.telemetryEnabled) hints['telemetry.enabled'] = true;
    if (shape.ssrHint && settings.ssrEnabled !== undefined) hints['ssr.enabled'] = settings.ssrEnabled;
    metadata['hints'] = hints;
  }
  if (shape.patchBolt && utcPatch) metadata['patch_bolt'] = ['utc'];
  if (shape.protocolVersion && settings.manifest) {
    metadata['protocol_version'] = formatProtocolVersion(context.descriptor.version);
  }
  if (user?.credentialsExpired === true) metadata['credentials_expired'] = true;
  return metadata;
}
