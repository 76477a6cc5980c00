/**
 * How long a room code may be (the server deals six characters): the join request's schema and
 * the web app's check of a typed code both read it. Free of TypeBox, for the browser bundle.
 */
export const ROOM_CODE_LENGTH = { min: 4, max: 16 } as const;
