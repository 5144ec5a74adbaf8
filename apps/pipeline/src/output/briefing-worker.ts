// The briefing's thread (briefing-thread.ts): loads what any briefing needs at once, then, run after run, the data
// tables a run's briefing reads and the briefing itself, laid out from the tallies it is handed; the PDF's bytes go
// back transferred rather than copied.
import { parentPort } from 'node:worker_threads';
import { briefingBytes, preloadBriefing } from '@roundup/reports';
import { briefingInput, preloadBriefingKnowledge } from './briefing-input.js';
import { restoredTallies, type BriefingMaterial, type BriefingReply, type BriefingRequest } from './briefing-thread.js';
import type { BriefingKnowledge } from './briefing-input.js';

preloadBriefing();

parentPort!.on('message', async (request: BriefingRequest) => {
  if (request.kind === 'prepare') {
    try {
      preloadBriefingKnowledge(request.knowledge);
    } catch {
      // A table that does not load is loaded again for the briefing, whose failure says why.
    }
    return;
  }
  const reply = await layOut(request.knowledge, request.material);
  parentPort!.postMessage(reply, 'bytes' in reply ? [reply.bytes.buffer as ArrayBuffer] : []);
});

async function layOut(knowledge: BriefingKnowledge, material: BriefingMaterial): Promise<BriefingReply> {
  try {
    return { bytes: ownBytes(await briefingBytes(briefingInput(restoredTallies(material), knowledge))) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The bytes in a buffer of their own, which can be transferred (a Buffer may be a view into a larger or shared one). */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
