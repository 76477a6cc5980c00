/** The kernel's version, recorded in every match and replay. */
export const ENGINE_VERSION = '1.0.0';
