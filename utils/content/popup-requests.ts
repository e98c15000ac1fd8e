import { errorReply, isEnvelope } from '../messaging/client';
import type { Reply, TabProtocol } from '../messaging/protocol';
import type { PageSession } from './session';
import { walkQuotes } from './walk-quotes';
import { highlightSelection } from './watch-selection';

const isRevealRequest = (p: unknown): p is TabProtocol['page:reveal'][0] =>
  typeof p === 'object' &&
  p !== null &&
  ['quote', 'entity', 'annotation'].includes((p as { kind?: unknown }).kind as string) &&
  ['number', 'string'].includes(typeof (p as { index?: unknown }).index);

/**
 * Answers one request of Gloss's popup or background (the sender is checked
 * before, by `fromOwnPages`, in the every-page script that receives it); a
 * message that is not a Gloss envelope gets undefined.
 */
export function answerRequest(session: PageSession, message: unknown): Promise<Reply<unknown>> | undefined {
  if (!isEnvelope(message)) return undefined;
  const answer = async (): Promise<unknown> => {
    switch (message.type) {
      case 'page:state':
        // Not "not found" for highlights whose turn to be anchored has not come yet.
        await session.notes.settled();
        return session.state();
      case 'page:analyse':
        await session.start(true);
        return session.state();
      case 'page:reveal':
        if (!isRevealRequest(message.payload))
          throw Object.assign(new Error('Malformed request.'), { code: 'invalid' });
        return session.reveal(message.payload);
      case 'page:highlight':
        if (typeof (message.payload as { note?: unknown }).note !== 'boolean')
          throw Object.assign(new Error('Malformed request.'), { code: 'invalid' });
        return highlightSelection(session, (message.payload as { note: boolean }).note);
      case 'page:walk': {
        const step = (message.payload as { step?: unknown }).step;
        if (step !== 1 && step !== -1) throw Object.assign(new Error('Malformed request.'), { code: 'invalid' });
        return walkQuotes(session, step);
      }
      case 'page:annotations-changed':
        await session.loadAnnotations();
        return session.state();
      default:
        throw Object.assign(new Error(`Unknown request "${message.type}".`), { code: 'invalid' });
    }
  };
  return answer().then(
    (value) => ({ ok: true as const, value }),
    (err) => errorReply(err),
  );
}
