import { Global, Module, type DynamicModule } from '@nestjs/common';

/** The time as the activities feature sees it; tests replace it to move through sign-up windows and deadlines. */
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
