import { readInputs, createExtractor } from '@roundup/parser';
import { batchOutput } from '/work/main/apps/pipeline/dist/batch-output.js';
const arts=[]; for await (const r of readInputs(['/work/shared/corpus'])) if (r.kind==='article') arts.push(r.article);
const k=Number(process.argv[2]), n=Number(process.argv[3]);
const e=createExtractor(); let t=performance.now(); for (let i=k*24;i<arts.length;i+=24*n) batchOutput(arts.slice(i,i+24),e,false); console.log(k,n,performance.now()-t);
