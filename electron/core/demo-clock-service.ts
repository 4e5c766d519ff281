// The demo clock in demo mode: the admin runs it faster, pauses it or moves it on, to
// watch devices go from pending to active to disconnected. The engine follows at once.
import { appError, type DemoClockView } from '../../shared/ipc';
import type { TenantConnection } from './tenant-connection';

const HOUR_MS = 3_600_000;

export function createDemoClockService(tenant: () => TenantConnection) {
  const clock = () => {
    const demo = tenant().demoTenant;
    if (!demo) throw appError('conflict', 'profile.demoClockOnly', {});
    return demo.clock;
  };
  const view = (): DemoClockView => {
    const demo = tenant().demoTenant;
    return demo ? { mode: 'demo', now: demo.clock.now(), speed: demo.clock.getSpeed() } : { mode: 'real', now: Date.now(), speed: 1 };
  };
  return {
    view,
    setSpeed(speed: number): DemoClockView {
      clock().setSpeed(speed);
      return view();
    },
    advance(hours: number): DemoClockView {
      clock().advance(hours * HOUR_MS);
      return view();
    },
  };
}
