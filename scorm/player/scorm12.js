/* leermodules player, part 3: the SCORM 1.2 runtime (cmi.core.*, LMS* functions). */
(function (root) {
  "use strict";
  var LM = root.LM, L = LM.lms.LETTERS;
  var STATUS = { passed: "passed", failed: "failed", completed: "completed", incomplete: "incomplete", not_started: "incomplete" };
  function letters(list) { return list.map(function (i) { return L[i]; }).join(","); }
  function matching(r) {
    return r.map(function (a, i) { return a < 0 ? null : i + "." + L[a]; }).filter(Boolean).join(",");
  }
  /* 1.2 answers: choice responses are single characters [0-9a-z], lists comma separated */
  var FORMAT = {
    single: ["choice", function (r) { return L[r]; }],
    multiple: ["choice", letters],
    true_false: ["true-false", function (r) { return r ? "t" : "f"; }],
    order: ["sequencing", letters],
    match: ["matching", matching],
    text: ["fill-in", function (r) { return r.slice(0, 255); }],
    scenario: ["performance", letters]
  };
  function patterns(q) {
    if (q.k === "text") return q.acc_raw.slice(0, 10).map(function (a) { return a.slice(0, 255); });
    return [FORMAT[q.k][1](q.cr)];
  }

  LM.runtimeOrder.push("scorm12");
  LM.runtimes.scorm12 = function (win) {
    var api = LM.lms.find(win, "API");
    if (!api) return null;
    var ch = new LM.lms.Channel(api, { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue",
                                       commit: "LMSCommit", finish: "LMSFinish", err: "LMSGetLastError" });
    var count = 0, began = Date.now(), tracking = true, open = false;
    return {
      name: "scorm12",
      channel: ch,
      start: function () {
        if (!ch.ok("init")) return { ok: false, code: ch.refused.code };
        open = true;
        var mode = ch.get("cmi.core.lesson_mode"), credit = ch.get("cmi.core.credit");
        /* an empty lesson_mode is normal; in browse/review mode or without credit nothing is stored */
        tracking = (mode === "" || mode === "normal") && credit !== "no-credit";
        count = parseInt(ch.get("cmi.interactions._count"), 10) || 0;
        return { ok: true, tracking: tracking, mode: mode || "normal",
                 text: ch.get("cmi.suspend_data"), location: ch.get("cmi.core.lesson_location") };
      },
      put: function (s) {
        if (!tracking || !open) return true;
        var pairs = [["cmi.suspend_data", s.suspend], ["cmi.core.lesson_location", s.location]];
        if (s.score !== null) /* the score before the status */
          pairs.push(["cmi.core.score.raw", LM.lms.number(s.score)], ["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"]);
        pairs.push(["cmi.core.lesson_status", STATUS[s.status]], ["cmi.core.exit", s.finished ? "" : "suspend"]);
        return ch.setAll(pairs);
      },
      record: function (it) {
        if (!tracking || !open) return true;
        var p = "cmi.interactions." + count + ".", f = FORMAT[it.q.k];
        var pairs = [[p + "id", it.id], [p + "type", f[0]], [p + "time", LM.lms.time12(it.when)],
                     [p + "weighting", String(it.q.w)]];
        patterns(it.q).forEach(function (pattern, i) { pairs.push([p + "correct_responses." + i + ".pattern", pattern]); });
        pairs.push([p + "student_response", f[1](it.r)], [p + "result", it.score === 1 ? "correct" : "wrong"],
                   [p + "latency", LM.lms.timespan12(it.latency)]);
        count++;
        return ch.setAll(pairs);
      },
      commit: function () { return !tracking || !open || ch.ok("commit"); },
      finish: function (s) {
        if (!open) return true;
        var ok = this.put(s) && (!tracking || ch.set("cmi.core.session_time", LM.lms.timespan12(Date.now() - began)));
        ok = this.commit() && ok;
        open = false;
        return ch.ok("finish") && ok;
      }
    };
  };
})(typeof window !== "undefined" ? window : globalThis);
