// GraphiQL for partner developers, in development only (the gateway does not serve it in production).
// It is React, not Preact: built apart (graphiql.vite.config.mts), so no other page loads any of it.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// Apollo's CSRF prevention lets a browser's request through only with a header a form cannot send.
const fetcher = createGraphiQLFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });

// A first query that answers without logging in: the public directory of networks.
const defaultQuery = `# Passerelle's API. Log in with the logIn mutation, then send its accessToken as
# the header Authorization: Bearer <token> (Headers, below).
query Directory {
  networks {
    name
    spaces {
      name
      city
    }
  }
}
`;

createRoot(document.getElementById('app')!).render(createElement(GraphiQL, { fetcher, defaultQuery }));
