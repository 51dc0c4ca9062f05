export { needing, needsOf } from './FieldNeeds';
export type { FieldNeeds } from './FieldNeeds';
export { PlanNode } from './PlanNode';
export { OperationPlan, planOperation } from './planOperation';
export type { ResolverMap } from './planOperation';
