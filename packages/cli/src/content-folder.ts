// One folder reader for every content command (validate, lua run, publish, serve, replay verify).
export { readContentFolder } from '@cardtable/server/content';
