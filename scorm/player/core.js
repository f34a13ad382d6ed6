/* leermodules player, part 1: the rules, without the page. Mirrors the engine exactly:
   engine/draw.py (mulberry32, Fisher-Yates, sub_seed, draw, display order), engine/grading.py
   (responses and scores), engine/progress.py (attempts, status) and engine/codec.py (the
   compact suspend_data). Runs in a browser and in node (tests/scorm run it there). */
(function (root) {
  "use strict";
  var LM = root.LM || (root.LM = {});
  var TWO32 = 4294967296;

  /* --- draw.py --- */
  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / TWO32;
    };
  }
  function range(n) { var out = []; for (var i = 0; i < n; i++) out.push(i); return out; }
  function shuffled(items, seed) {
    var rng = mulberry32(seed), out = items.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(rng() * (i + 1));
      var x = out[i]; out[i] = out[j]; out[j] = x;
    }
    return out;
  }
  function subSeed(seed, salt) { return (seed + (salt + 1) * 0x9e3779b9) % TWO32; }
  /* question indexes (into D.q) an attempt with `seed` asks, in order: first `per` questions of
     each objective in the shuffled pool, then the next ones up to `draw` */
  function drawQuestions(D, seed) {
    var A = D.a, order = shuffled(range(A.pool.length), seed), got = [], per = {};
    if (A.per) order.forEach(function (i) { var o = D.q[A.pool[i]].o; if (o && (per["_" + o] = (per["_" + o] || 0) + 1) <= A.per) got.push(i); });
    order.forEach(function (i) { if (got.length < (A.draw || order.length) && got.indexOf(i) < 0) got.push(i); });
    order = order.filter(function (i) { return got.indexOf(i) >= 0; });
    if (!A.shuffle) order.sort(function (x, y) { return x - y; });
    return order.map(function (i) { return A.pool[i]; });
  }
  function displayOrder(q, seed, position, shuffle) {
    var count;
    if (q.k === "single" || q.k === "multiple") count = q.op.length;
    else if (q.k === "order") return q.n > 1 ? shuffled(range(q.n), subSeed(seed, position)) : [0];
    else if (q.k === "match") count = q.na;
    else return [];
    return shuffle ? shuffled(range(count), subSeed(seed, position)) : range(count);
  }

  /* --- grading.py --- */
  var WS = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  /* Python: " ".join(NFC(text).casefold().split()). Upper then lower case gives casefold's
     result for what people type (ß -> ss, final sigma, ligatures); the rest is spelled out. */
  function normalizeText(s) {
    s = s.normalize("NFC").toUpperCase().toLowerCase().replace(/\u00df/g, "ss").replace(/\u03c2/g, "\u03c3");
    return s.split(WS).filter(Boolean).join(" ");
  }
  function isIndex(v) { return typeof v === "number" && Math.floor(v) === v; }
  function invalid(q, why) { var e = new Error(q.id + ": " + why); e.invalidResponse = true; return e; }
  function indexList(q, v, size, unique, allowNone) {
    if (!Array.isArray(v) || !v.every(isIndex)) throw invalid(q, "expected a list of indexes");
    var low = allowNone ? -1 : 0;
    if (v.some(function (x) { return x < low || x >= size; })) throw invalid(q, "index out of range");
    if (unique && new Set(v).size !== v.length) throw invalid(q, "index chosen twice");
    return v;
  }
  function index(q, v, size) {
    if (!isIndex(v) || v < 0 || v >= size) throw invalid(q, "expected an index below " + size);
    return v;
  }
  function walk(q, choices) {
    var cur = q.st, visited = [cur], points = 0;
    for (var i = 0; i < choices.length; i++) {
      var ch = q.s[cur][1], idx = choices[i];
      if (!ch.length || idx < 0 || idx >= ch.length) break;
      points += ch[idx][1];
      if (ch[idx][0] < 0) return { visited: visited, points: points, ended: true };
      cur = ch[idx][0];
      visited.push(cur);
    }
    return { visited: visited, points: points, ended: q.s[cur][1].length === 0 };
  }
  /* the response if it fits the question (multiple: sorted), else throws */
  function validate(q, r) {
    switch (q.k) {
      case "single": return index(q, r, q.op.length);
      case "multiple": return indexList(q, r, q.op.length, true).slice().sort(function (a, b) { return a - b; });
      case "true_false": if (typeof r !== "boolean") throw invalid(q, "expected true or false"); return r;
      case "order":
        indexList(q, r, q.n, true);
        if (r.length !== q.n) throw invalid(q, "every item must be placed once");
        return r;
      case "match":
        indexList(q, r, q.na, false, true);
        if (r.length !== q.n) throw invalid(q, "one answer per pair");
        return r;
      case "scenario":
        indexList(q, r, 6, false);
        if (!pathChoices(q, r)) throw invalid(q, "no such choice on the path");
        return r;
      case "likert": return index(q, r, q.n);
      case "text": case "reflection":
        if (typeof r !== "string") throw invalid(q, "expected text");
        if (r.length > q.max) throw invalid(q, "at most " + q.max + " characters");
        return r;
    }
    throw invalid(q, "unknown kind");
  }
  function some(x) { return x ? [x] : []; }
  /* {score: 0..1 or null, fb: [feedback html]} */
  function grade(q, r) {
    r = validate(q, r);
    var right = 0, i;
    switch (q.k) {
      case "single": return { score: q.op[r][0] ? 1 : 0, fb: some(q.op[r][1]) };
      case "multiple":
        var k = 0, wrong = 0, fb = [];
        q.op.forEach(function (o) { if (o[0]) k++; });
        r.forEach(function (c) { if (q.op[c][0]) right++; else wrong++; if (q.op[c][1]) fb.push(q.op[c][1]); });
        return { score: Math.max(0, (right - wrong) / k), fb: fb };
      case "true_false": return { score: r === q.ans ? 1 : 0, fb: some(r ? q.ft : q.ff) };
      case "order":
        for (i = 0; i < r.length; i++) if (r[i] === i) right++;
        return { score: right / q.n, fb: [] };
      case "match":
        for (i = 0; i < r.length; i++) if (r[i] === i) right++;
        return { score: right / q.n, fb: [] };
      case "text":
        var ok = q.acc.indexOf(normalizeText(r)) >= 0;
        return { score: ok ? 1 : 0, fb: some(ok ? q.fc : q.fi) };
      case "scenario":
        var fb = [];
        pathChoices(q, r).forEach(function (c) { right = right < 0 || c[3] ? -1 : right + c[1]; if (c[2]) fb.push(c[2]); });
        return { score: Math.max(0, right) / q.bp, fb: fb };
    }
    return { score: null, fb: [] };
  }
  /* the choices [goto, points, feedback, critical] a path takes, or null when an index does not
     exist at its step or a choice follows the end (scenario.path_choices) */
  function pathChoices(q, r) {
    var cur = q.st, out = [];
    for (var i = 0; i < r.length; i++) {
      var c = cur < 0 ? null : q.s[cur][1][r[i]];
      if (!c) return null;
      out.push(c);
      cur = c[0];
    }
    return out;
  }
  var GRADED = { single: 1, multiple: 1, true_false: 1, order: 1, match: 1, text: 1, scenario: 1 };

  /* Python's round(x, n): halves go to the even neighbour */
  function pyRound(x, n) {
    var m = Math.pow(10, n), y = x * m, f = Math.floor(y);
    if (y - f === 0.5) return (f % 2 === 0 ? f : f + 1) / m;
    return Number(x.toFixed(n));
  }

  /* --- progress.py: the state is {v, l, d: [page indexes], p: [[q, r]], t: [attempts]},
     an attempt {seed, pos, a: [[q, r]], s: percent or null, qs: drawn question indexes} --- */
  function fresh(D) { return { v: D.v, l: null, d: [], p: [], t: [] }; }
  function pairGet(pairs, qi) { for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === qi) return pairs[i][1]; return undefined; }
  function pairSet(pairs, qi, r) {
    for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === qi) { pairs[i][1] = r; return; }
    pairs.push([qi, r]);
  }
  function pairDelete(pairs, qi) {
    for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === qi) { pairs.splice(i, 1); return true; }
    return false;
  }
  function current(st) { var a = st.t[st.t.length - 1]; return a && a.s === null ? a : null; }
  function attemptsLeft(D, st) {
    if (!D.a) return 0;
    if (D.a.tries === 0) return null;
    return Math.max(0, D.a.tries - st.t.length);
  }
  function startAttempt(D, st, seed) {
    if (!D.a || current(st) || attemptsLeft(D, st) === 0) throw new Error("no attempt can start");
    seed = seed >>> 0;
    st.t.push({ seed: seed, pos: 0, a: [], s: null, qs: drawQuestions(D, seed) });
    st.l = -1;
  }
  function attemptResult(D, att) {
    var earned = 0, weight = 0, per = {}, grades = {};
    att.qs.forEach(function (qi) {
      var q = D.q[qi];
      if (!GRADED[q.k]) return;
      var r = pairGet(att.a, qi), score = 0;
      if (r !== undefined) { grades[qi] = grade(q, r); score = grades[qi].score || 0; }
      earned += score * q.w;
      weight += q.w;
      var b = per[q.o] || (per[q.o] = [0, 0, 0]);
      b[0] += score * q.w; b[1] += q.w; b[2] += 1;
    });
    var percent = weight ? pyRound(100 * earned / weight, 2) : 0;
    var order = D.obj.map(function (o) { return o[0]; });
    var objectives = Object.keys(per).sort(function (x, y) {
      var a = order.indexOf(x), b = order.indexOf(y);
      return (a < 0 ? order.length : a) - (b < 0 ? order.length : b);
    }).map(function (o) {
      var b = per[o];
      return { objective: o === "null" ? null : o, percent: b[1] ? pyRound(100 * b[0] / b[1], 2) : 0, questions: b[2] };
    });
    return { percent: percent, passed: percent >= D.a.pass, objectives: objectives, grades: grades };
  }
  function submitAttempt(D, st) {
    var att = current(st);
    att.s = attemptResult(D, att).percent;
    return att;
  }
  function bestScore(st) {
    var best = null;
    st.t.forEach(function (a) { if (a.s !== null && (best === null || a.s > best)) best = a.s; });
    return best;
  }
  function status(D, st) {
    if (D.a) {
      var best = bestScore(st);
      if (best !== null && best >= D.a.pass) return "passed";
      if (best !== null && !current(st)) return "failed";
    } else if (D.pages.every(function (p, i) { return st.d.indexOf(i) >= 0; })) return "completed";
    if (st.l === null && !st.d.length && !st.p.length && !st.t.length) return "not_started";
    return "incomplete";
  }
  /* finished: nothing more to do (passed, completed, or failed without attempts left) */
  function finished(D, st) {
    var s = status(D, st);
    return s === "passed" || s === "completed" || (s === "failed" && attemptsLeft(D, st) === 0);
  }
  function fractionDone(D, st) {
    var steps = D.pages.length + (D.a ? 1 : 0), done = st.d.length;
    if (D.a && st.t.some(function (a) { return a.s !== null; })) done += 1;
    return done / steps;
  }

  /* --- codec.py, the compact form --- */
  function short(score) { return pyRound(score, 1); }
  function encode(st) {
    var o = { v: st.v };
    if (st.l !== null) o.l = st.l;
    if (st.d.length) o.d = st.d.slice().sort(function (a, b) { return a - b; });
    if (st.p.length) o.p = st.p;
    if (st.t.length) {
      var last = st.t[st.t.length - 1];
      if (st.t.length > 1) o.e = st.t.slice(0, -1).map(function (a) { return short(a.s || 0); });
      o.c = [last.seed, last.pos, last.a];
      if (last.s !== null) o.s = short(last.s);
    }
    return JSON.stringify(o);
  }
  /* Read stored progress back. Answers that no longer fit the module (it was changed since)
     are left out rather than refusing everything; null when the text is not ours at all. */
  function decode(text, D) {
    var o;
    try { o = JSON.parse(text); } catch (e) { return null; }
    if (!o || typeof o !== "object" || Array.isArray(o) || !("v" in o)) return null;
    function answers(pairs, allowed) {
      var out = [];
      (Array.isArray(pairs) ? pairs : []).forEach(function (pr) {
        if (!Array.isArray(pr) || !isIndex(pr[0]) || !D.q[pr[0]] || (allowed && allowed.indexOf(pr[0]) < 0)) return;
        try { out.push([pr[0], validate(D.q[pr[0]], pr[1])]); } catch (e) { /* left out */ }
      });
      return out;
    }
    var st = fresh(D), pages = D.pages.length;
    if (isIndex(o.l) && (o.l === -1 ? !!D.a : o.l >= 0 && o.l < pages)) st.l = o.l;
    st.d = (Array.isArray(o.d) ? o.d : []).filter(function (i) { return isIndex(i) && i >= 0 && i < pages; });
    var pool = D.a ? D.a.pool : [];
    st.p = answers(o.p).filter(function (pr) { return pool.indexOf(pr[0]) < 0; });
    if (D.a) {
      (Array.isArray(o.e) ? o.e : []).forEach(function (s) { st.t.push({ seed: 0, pos: 0, a: [], s: Number(s) || 0, qs: [] }); });
      if (Array.isArray(o.c) && o.c.length === 3 && isIndex(o.c[0])) {
        var seed = o.c[0] >>> 0, qs = drawQuestions(D, seed), pos = isIndex(o.c[1]) ? o.c[1] : 0;
        st.t.push({ seed: seed, pos: Math.max(0, Math.min(pos, qs.length - 1)), a: answers(o.c[2], qs),
                    s: typeof o.s === "number" ? o.s : null, qs: qs });
      }
    }
    return st;
  }

  LM.core = {
    mulberry32: mulberry32, shuffled: shuffled, subSeed: subSeed, range: range,
    drawQuestions: drawQuestions, displayOrder: displayOrder,
    normalizeText: normalizeText, validate: validate, grade: grade, walk: walk, GRADED: GRADED,
    pyRound: pyRound, fresh: fresh, pairGet: pairGet, pairSet: pairSet, pairDelete: pairDelete, current: current,
    attemptsLeft: attemptsLeft, startAttempt: startAttempt, attemptResult: attemptResult,
    submitAttempt: submitAttempt, bestScore: bestScore, status: status, finished: finished,
    fractionDone: fractionDone, encode: encode, decode: decode
  };
})(typeof window !== "undefined" ? window : globalThis);
