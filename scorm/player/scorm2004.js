/* leermodules player, part 3: the SCORM 2004 runtime (cmi.*, API_1484_11). */
(function (root) {
  "use strict";
  var LM = root.LM, L = LM.lms.LETTERS;
  function ids(list) { return list.map(function (i) { return L[i]; }).join("[,]"); }
  function matching(r) {
    return r.map(function (a, i) { return a < 0 ? null : i + "[.]" + L[a]; }).filter(Boolean).join("[,]");
  }
  /* a fill-in value is a characterstring: no delimiters, no leading '{' */
  function fill(text) { return text.replace(/\[[,.:]\]/g, " ").replace(/^\{+/, "").slice(0, 250); }
  function performance(q, r) {
    var visited = LM.core.walk(q, r).visited;
    return r.map(function (c, i) { return q.s[visited[i]][0] + "[.]" + L[c]; }).join("[,]");
  }
  var FORMAT = {
    single: ["choice", function (q, r) { return L[r]; }],
    multiple: ["choice", function (q, r) { return ids(r); }],
    true_false: ["true-false", function (q, r) { return r ? "true" : "false"; }],
    order: ["sequencing", function (q, r) { return ids(r); }],
    match: ["matching", function (q, r) { return matching(r); }],
    text: ["fill-in", function (q, r) { return fill(r); }],
    scenario: ["performance", performance]
  };
  function patterns(q) {
    if (q.k === "text") return q.acc_raw.slice(0, 10).map(fill);
    return [FORMAT[q.k][1](q, q.cr)];
  }

  LM.runtimeOrder.push("scorm2004");
  LM.runtimes.scorm2004 = function (win) {
    var api = LM.lms.find(win, "API_1484_11");
    if (!api) return null;
    var ch = new LM.lms.Channel(api, { init: "Initialize", get: "GetValue", set: "SetValue",
                                       commit: "Commit", finish: "Terminate", err: "GetLastError" });
    var count = 0, began = Date.now(), tracking = true, open = false;
    return {
      name: "scorm2004",
      channel: ch,
      start: function () {
        if (!ch.ok("init")) return { ok: false, code: ch.refused.code };
        open = true;
        var mode = ch.get("cmi.mode"), credit = ch.get("cmi.credit"), entry = ch.get("cmi.entry");
        tracking = (mode === "" || mode === "normal") && credit !== "no-credit";
        count = parseInt(ch.get("cmi.interactions._count"), 10) || 0;
        /* a first launch has nothing stored yet (and asking would be an error) */
        var fresh = entry === "ab-initio";
        return { ok: true, tracking: tracking, mode: mode || "normal",
                 text: fresh ? "" : ch.get("cmi.suspend_data"), location: fresh ? "" : ch.get("cmi.location") };
      },
      put: function (s) {
        if (!tracking || !open) return true;
        var pairs = [["cmi.suspend_data", s.suspend], ["cmi.location", s.location]];
        if (s.score !== null) /* the score before the status */
          pairs.push(["cmi.score.scaled", LM.lms.number(s.score / 100)], ["cmi.score.raw", LM.lms.number(s.score)],
                     ["cmi.score.min", "0"], ["cmi.score.max", "100"]);
        /* completed also when failed: the learner did what there is to do */
        var completed = s.status === "passed" || s.status === "failed" || s.status === "completed" || s.submitted;
        var success = s.status === "passed" ? "passed" : s.score !== null ? "failed" : "unknown";
        pairs.push(["cmi.completion_status", completed ? "completed" : "incomplete"],
                   ["cmi.success_status", success],
                   ["cmi.progress_measure", LM.lms.number(s.progress)],
                   ["cmi.exit", s.finished ? "normal" : "suspend"]);
        return ch.setAll(pairs);
      },
      record: function (it) {
        if (!tracking || !open) return true;
        var p = "cmi.interactions." + count + ".", f = FORMAT[it.q.k];
        /* id and type first: the other elements are checked against the type */
        var pairs = [[p + "id", it.id], [p + "type", f[0]], [p + "timestamp", LM.lms.timestamp2004(it.when)],
                     [p + "weighting", String(it.q.w)]];
        patterns(it.q).forEach(function (pattern, i) { pairs.push([p + "correct_responses." + i + ".pattern", pattern]); });
        pairs.push([p + "learner_response", f[1](it.q, it.r)], [p + "result", it.score === 1 ? "correct" : "incorrect"],
                   [p + "latency", LM.lms.duration2004(it.latency)], [p + "description", it.q.d]);
        count++;
        return ch.setAll(pairs);
      },
      commit: function () { return !tracking || !open || ch.ok("commit"); },
      finish: function (s) {
        if (!open) return true;
        var ok = this.put(s) && (!tracking || ch.set("cmi.session_time", LM.lms.duration2004(Date.now() - began)));
        ok = this.commit() && ok;
        open = false;
        return ch.ok("finish") && ok;
      }
    };
  };
})(typeof window !== "undefined" ? window : globalThis);
