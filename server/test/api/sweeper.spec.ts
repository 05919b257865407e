import { routes } from '@linli/shared';
import { Signup } from '../../src/activities/signup.entity.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The sweeper runs by itself on its interval once the app is up, and stops with it. */
describe('activity sweeper on a timer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ sweepIntervalSeconds: 1 });
  });
  afterAll(() => t.close());

  it('expires an offer without anyone calling it', async () => {
    const committee = await t.login('committee');
    const [first, second] = await Promise.all([t.login('resident'), t.login('resident2')]);
    const a = await publishedActivity(t, committee, (await communityIds(t))['幸福里社区'], { seats: 1, offerHoldMinutes: 10 });
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, first));
    const waiting = ok(await t.call(routes.signUp, { params: { id: a.id }, body: {} }, second));
    ok(await t.call(routes.cancelMySignup, { params: { id: a.id }, query: {} }, first));
    t.clock.advance(11 * 60_000);

    const status = () => t.db.run((em) => em.findOneByOrFail(Signup, { id: waiting.id })).then((s) => s.status);
    const deadline = Date.now() + 5000;
    while ((await status()) === 'offered' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await status()).toBe('offer_expired');
  });
});
