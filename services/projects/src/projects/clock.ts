import { Injectable } from '@nestjs/common';
import { IsoDate, shanghaiDate } from '../domain';

/** The one place the service reads the time; business rules take `today` as an argument. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today(): IsoDate {
    return shanghaiDate(this.now());
  }
}
