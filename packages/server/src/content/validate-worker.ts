import { parentPort } from 'node:worker_threads';
import { validateContentPackage } from '@cardtable/tcg';
import type { ValidationReply, ValidationRequest } from './validate.ts';

/** The validation thread: checks each package it is handed and answers with its report. */
const port = parentPort!;

port.on('message', async ({ id, files }: ValidationRequest) => {
  let reply: ValidationReply;
  try {
    reply = { id, report: await validateContentPackage(files) };
  } catch (error) {
    reply = { id, failure: (error as Error).message };
  }
  port.postMessage(reply);
});
