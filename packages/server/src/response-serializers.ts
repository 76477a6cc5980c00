import {
  SerializerSelector,
  type SerializerFactory,
  type Serializer,
} from '@fastify/fast-json-stringify-compiler';

/** Fastify's own factory: fast-json-stringify, one serializer per response schema. */
const fastifyDefault = SerializerSelector();

/** Serializers by schema object: the route schemas are module constants, shared by every server. */
const shared = new WeakMap<object, Serializer>();

const isEmpty = (value: unknown) =>
  value === undefined || value === null || Object.keys(value).length === 0;

/**
 * Response serializers compiled on a route's first reply with that schema, not at start-up, and
 * shared by every server in the process. Compiling all of them took most of a start (some 0.7 s
 * of CPU for the ~80 response schemas), paid again by each server a test starts, though most
 * routes never answer in its life. A serializer depends on its schema alone while no shared
 * schemas (addSchema) or serializer options are set; with any, each server compiles its own.
 */
export const lazySharedSerializers: SerializerFactory = (externalSchemas, options) => {
  const compile = fastifyDefault(externalSchemas, options);
  const cache = isEmpty(externalSchemas) && isEmpty(options) ? shared : new WeakMap();
  return (route) => {
    const { schema } = route;
    if (typeof schema !== 'object' || schema === null) return compile(route);
    let serialize: Serializer | undefined;
    return (data) => {
      const ready = serialize ?? cache.get(schema) ?? compile(route);
      if (serialize === undefined) cache.set(schema, (serialize = ready));
      return ready(data);
    };
  };
};
