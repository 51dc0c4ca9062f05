import { abstractTypeResolvers } from './abstractTypes';
import { documentResolvers } from './documentResolvers';
import { entityResolvers } from './entityResolvers';
import { paragraphResolvers } from './paragraphResolvers';
import { queryResolvers } from './queryResolvers';

/** Every resolver of the schema, by type. */
export const resolvers = {
  ...queryResolvers,
  ...abstractTypeResolvers,
  ...documentResolvers,
  ...paragraphResolvers,
  ...entityResolvers,
};
