import { durationText } from '../shared/time/time-format';
import { AuditEntry } from './audit.models';

type Details = Readonly<Record<string, unknown>>;
type Sentence = (who: string, details: Details) => string;

const SYSTEM = 'system';

/** One readable sentence per action; `who` is the actor, or "The workspace" for process steps. */
const SENTENCES: Readonly<Record<string, Sentence>> = {
  'delegation.requested': (who, d) =>
    `${who} asked to delegate ${list(d['scopes'])} to ${text(d['delegate'], 'someone')}` +
    `${d['duration'] ? ` for ${durationText(String(d['duration']))}` : ''}` +
    `${d['connection'] ? ' on one connection' : ''}`,
  'delegation.mfa-confirmed': (who) => `${who} confirmed the delegation with a one-time code`,
  'delegation.approved': (who, d) => `${who} approved the delegation${quoted(d['comment'])}`,
  'delegation.rejected': (who, d) => `${who} rejected the delegation${quoted(d['comment'])}`,
  'delegation.grant-applied': (_, d) =>
    `The workspace granted ${list(d['scopes'])} to ${text(d['delegate'], 'the delegate')}`,
  'delegation.grant-removed': () => 'The grant of the delegation was removed',
  'delegation.expired': () => 'The delegation expired and its grant was removed',
  'delegation.revoked': (who) => `${who} revoked the delegation`,
  'delegation.timed-out': () => 'The delegation request timed out',
  'delegation.closed': () => 'The delegation request was closed',
  'delegation.ended': (_, d) =>
    `The delegation ended${d['reason'] ? `: ${text(d['reason'])}` : ''}`,
  'delegation.bot-created': (_, d) => `A bot client ${text(d['clientId'])} was created`,
  'delegation.bot-link-created': (who) => `${who} created a link to the bot's secret`,
  'delegation.bot-link-opened': (who) => `${who} opened the link to the bot's secret`,
  'delegation.bot-link-refused': () => "A link to the bot's secret was refused",
  'connection.requested': (who, d) =>
    `${who} added the connection ${quotedName(d['label'])}to ${text(d['broker'], 'a broker')}`,
  'connection.activated': () => 'The connection was verified with the broker and is active',
  'connection.reconnected': () => 'The connection was reconnected',
  'connection.failed': () => 'The connection failed',
  'connection.reconnect-started': (who) => `${who} started to reconnect the connection`,
  'connection.fix-decided': (who) => `${who} decided how to fix the connection`,
  'connection.onboarding-cancelled': () => 'Adding the connection was cancelled',
  'connection.revocation-requested': (who) => `${who} asked to revoke the connection`,
  'connection.revoked': (_, d) =>
    `The connection was revoked${d['revokedBy'] ? ` (asked by ${text(d['revokedBy'])})` : ''}`,
  'connection.revoked-at-broker': () => 'The token was revoked at the broker',
  'credential.revealed': (who) => `${who} revealed the credential`,
  'credential.share-created': (who, d) =>
    `${who} shared the credential with ${text(d['recipient'], 'someone')}` +
    `${d['ttl'] ? ` for ${durationText(String(d['ttl']))}` : ''}`,
  'credential.share-opened': (who, d) =>
    `${who} opened the credential shared by ${text(d['sharedBy'], 'someone')}`,
  'credential.shares-ended': () => 'The share links of the credential were ended',
  'credential.rotation-requested': (who) => `${who} asked to rotate the credential`,
  'credential.rotated': (_, d) =>
    `The credential was rotated${d['toVersion'] !== undefined ? ` to version ${text(d['toVersion'])}` : ''}`,
  'credential.rotation-rolled-back': () => 'The rotation was rolled back',
  'credential.version-written': () => 'A new version of the credential was stored',
  'credential.old-versions-destroyed': () => 'Old versions of the credential were destroyed',
  'credential.destroyed': () => 'The credential was destroyed',
  'credential.expiring': () => 'The credential expires soon',
  'credential.expires-soon': () => 'The credential expires soon',
  'alert.raised': (_, d) =>
    `Alert raised: ${text(d['type'], 'of an unknown type')}` +
    `${d['severity'] ? ` (${text(d['severity']).toLowerCase()})` : ''}`,
  'alert.test-raised': (who) => `${who} raised a test alert`,
  'alert.acknowledged': (who, d) => `${who} acknowledged the alert${quoted(d['reason'])}`,
  'alert.resolved': (who, d) =>
    `${who} resolved the alert${d['reason'] ? ` (${text(d['reason'])})` : ''}`,
  'alert.preferences-changed': (who) => `${who} changed the alert preferences`,
  'alert.preferences-reset': (who) => `${who} went back to the default alert preferences`,
  'alert.channels-tested': (who) => `${who} tested the alert channels`,
  'task.completion-refused': (who) => `A task completion by ${who} was refused`,
};

/**
 * The audit entry as one sentence (`nikhil asked to delegate orders:place to arjun for 8
 * hours`); an action without its own sentence reads `nikhil: delegation requested`.
 */
export function auditSentence(entry: AuditEntry): string {
  const who = entry.actor === SYSTEM ? 'The workspace' : entry.actor;
  const details = isRecord(entry.details) ? entry.details : {};
  const sentence = SENTENCES[entry.action];
  return sentence ? sentence(who, details) : `${who}: ${entry.action.replace(/[.-]/g, ' ')}`;
}

function isRecord(value: unknown): value is Details {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown, fallback = ''): string {
  return value === null || value === undefined || value === '' ? fallback : String(value);
}

function list(value: unknown): string {
  return Array.isArray(value) && value.length ? value.join(', ') : text(value, 'scopes');
}

function quoted(value: unknown): string {
  return text(value) ? `: “${text(value)}”` : '';
}

function quotedName(value: unknown): string {
  return text(value) ? `“${text(value)}” ` : '';
}
