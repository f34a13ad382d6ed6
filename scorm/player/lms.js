/* leermodules player, part 2: what both SCORM runtimes share. Finding the LMS's API object
   (the run-time spec's discovery: this window's parents, then the opener's), a channel that
   only sends values that changed and remembers a refusal, and the time formats. */
(function (root) {
  "use strict";
  var LM = root.LM || (root.LM = {});
  LM.runtimes = LM.runtimes || {};
  LM.runtimeOrder = LM.runtimeOrder || [];

  function search(win, name) {
    var tries = 0;
    try {
      while (win && !win[name] && win.parent && win.parent !== win && tries++ < 500) win = win.parent;
      return win && win[name] ? win[name] : null;
    } catch (e) {
      return null; /* a frame of another origin: the LMS is not there */
    }
  }
  function find(win, name) {
    var api = search(win, name);
    if (!api) { try { if (win.opener) api = search(win.opener, name); } catch (e) { api = null; } }
    return api;
  }

  /* fns: names of the API's functions {init, get, set, commit, finish, err} */
  function Channel(api, fns) { this.api = api; this.f = fns; this.sent = {}; this.refused = null; }
  Channel.prototype.call = function (fn, a, b) {
    try { return String(b === undefined ? this.api[this.f[fn]](a) : this.api[this.f[fn]](a, b)); }
    catch (e) { return "false"; }
  };
  Channel.prototype.error = function () { return this.call("err", undefined) || "101"; };
  Channel.prototype.ok = function (fn) {
    var ok = this.call(fn, "") === "true";
    if (!ok) this.refused = { element: fn, code: this.error() };
    return ok;
  };
  Channel.prototype.get = function (element) {
    var v = this.call("get", element);
    return v === "undefined" || v === "null" ? "" : v;
  };
  /* true when the LMS took the value (or already had it from this session) */
  Channel.prototype.set = function (element, value) {
    value = String(value);
    if (this.sent[element] === value) return true;
    var ok = this.call("set", element, value) === "true";
    if (ok) this.sent[element] = value;
    else this.refused = { element: element, code: this.error() };
    return ok;
  };
  /* set each [element, value] in order; stops at the first refusal */
  Channel.prototype.setAll = function (pairs) {
    for (var i = 0; i < pairs.length; i++) if (!this.set(pairs[i][0], pairs[i][1])) return false;
    return true;
  };

  function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
  function parts(ms) {
    var cs = Math.max(0, Math.round(ms / 10)), s = Math.floor(cs / 100);
    return { h: Math.floor(s / 3600), m: Math.floor(s / 60) % 60, s: s % 60, cs: cs % 100 };
  }
  LM.lms = {
    find: find,
    Channel: Channel,
    /* SCORM 1.2 CMITimespan HHHH:MM:SS.SS */
    timespan12: function (ms) {
      var p = parts(ms);
      return pad(Math.min(p.h, 9999), 4) + ":" + pad(p.m, 2) + ":" + pad(p.s, 2) + "." + pad(p.cs, 2);
    },
    /* SCORM 1.2 CMITime HH:MM:SS (time of day) */
    time12: function (d) { return pad(d.getHours(), 2) + ":" + pad(d.getMinutes(), 2) + ":" + pad(d.getSeconds(), 2); },
    /* SCORM 2004 timeinterval, ISO 8601 duration */
    duration2004: function (ms) {
      var p = parts(ms);
      return "PT" + p.h + "H" + p.m + "M" + p.s + (p.cs ? "." + pad(p.cs, 2) : "") + "S";
    },
    /* SCORM 2004 time (second), UTC with hundredths */
    timestamp2004: function (d) { return d.toISOString().replace(/\.(\d\d)\d*Z$/, ".$1Z"); },
    LETTERS: "abcdefghijklmnopqrstuvwxyz",
    number: function (x) { return String(LM.core.pyRound(x, 2)); }
  };
})(typeof window !== "undefined" ? window : globalThis);
