// Runs the player's rules (scorm/player/core.js) in node for the parity tests.
// Reads one JSON job from stdin, writes one JSON answer to stdout:
//   {"core": path to core.js, "modules": {name: player data}, "tasks": [[op, name, ...args]]}
// Ops: grade q response | validate q response | draw seed | order q seed position shuffle |
//      normalize text | encode state | decode text | result seed answers | mulberry seed count
"use strict";
const fs = require("fs");
const job = JSON.parse(fs.readFileSync(0, "utf8"));
require(job.core);
const C = globalThis.LM.core;
const out = job.tasks.map(([op, name, ...args]) => {
  const D = job.modules[name];
  try {
    switch (op) {
      case "grade": return C.grade(D.q[args[0]], args[1]).score;
      case "validate": C.validate(D.q[args[0]], args[1]); return "ok";
      case "draw": return C.drawQuestions(D, args[0]).map((i) => D.q[i].id);
      case "order": return C.displayOrder(D.q[args[0]], args[1], args[2], args[3]);
      case "normalize": return C.normalizeText(args[0]);
      case "decode": {
        const st = C.decode(args[0], D);
        return st && C.encode(st);
      }
      case "result": {
        const qs = C.drawQuestions(D, args[0]);
        const att = { seed: args[0], pos: 0, a: args[1], s: null, qs };
        const r = C.attemptResult(D, att);
        return [r.percent, r.passed, r.objectives.map((o) => [o.objective, o.percent, o.questions])];
      }
      case "mulberry": {
        const rng = C.mulberry32(args[0]);
        return Array.from({ length: args[1] }, () => rng());
      }
    }
    return { error: "unknown op " + op };
  } catch (e) {
    return e.invalidResponse ? "invalid" : { error: String(e) };
  }
});
process.stdout.write(JSON.stringify(out));
