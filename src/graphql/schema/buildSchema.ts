import type { GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { resolvers } from '../resolvers';
import { typeDefs } from './typeDefs';

/** The executable schema: the SDL with its resolvers. */
export const buildSchema = (): GraphQLSchema => createSchema({ typeDefs, resolvers: resolvers as never });
