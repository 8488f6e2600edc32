import { eventTypes, type EventPayloads, type EventPublisher, type SaringEvent } from '../../src/events/types';

/**
 * The event map is checked by the compiler (`npm run lint` runs `tsc --noEmit` over
 * the tests too): each `@ts-expect-error` below fails the lint if the wrong payload
 * were accepted.
 */
describe('the typed event map', () => {
  it('when a publisher sends a payload of the wrong shape for its type, then it does not compile', async () => {
    const sent: unknown[] = [];
    const publish: EventPublisher['publish'] = async (type, data, siteId) => {
      sent.push({ type, data, siteId });
      return { id: 'x', type, seq: 1, at: '', data } as never;
    };
    await publish('rules.reloaded', { version: 'v1' });
    // @ts-expect-error rules.reloaded carries { version }, not issues
    await publish('rules.reloaded', { issues: [] });
    // @ts-expect-error an unknown type
    await publish('comment.vanished', {});
    expect(sent).toHaveLength(3);
  });

  it('when a listener narrows on type, then data has that type', () => {
    const event = { id: 'e', type: 'author.banned', seq: 1, at: '', data: { siteId: 's', authorId: 'a', until: null, reason: null, lifted: true, by: 'm', standing: {} } } as SaringEvent;
    const lifted = event.type === 'author.banned' ? event.data.lifted : undefined;
    expect(lifted).toBe(true);
    const keys: (keyof EventPayloads)[] = [...eventTypes];
    expect(keys).toHaveLength(eventTypes.length);
  });
});
