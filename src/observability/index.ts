export { observe } from './observe';
export { observedStore } from './observedStore';
export { ServiceMetrics } from './ServiceMetrics';
export { requestId } from './requestId';
export * from './limits';
