import { Inject } from '@nestjs/common';
import { StandardClassSizes } from '../domain';

/** DI token of the configured standard class sizes. */
export const STANDARD_CLASS_SIZES = Symbol('STANDARD_CLASS_SIZES');
export const InjectStandardSizes = (): ParameterDecorator => Inject(STANDARD_CLASS_SIZES);
export type { StandardClassSizes };
