/** What resolvers pass down for a resource: its IRI (a Description, once loaded, is one too). */
export interface NodeRef {
  id: string;
}

export const nodeRef = (id: string): NodeRef => ({ id });
