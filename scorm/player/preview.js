/* leermodules player, part 4: without an LMS the package is a preview that keeps progress in
   this browser (localStorage), so a trainer can try it and nothing a learner did is lost. */
(function (root) {
  "use strict";
  var LM = root.LM;
  LM.runtimes.preview = function (win, D) {
    var key = "leermodules:" + D.id, memory = null, store = null;
    try { store = win.localStorage; store.getItem(key); } catch (e) { store = null; }
    return {
      name: "preview",
      start: function () {
        var text = "";
        try { text = (store && store.getItem(key)) || ""; } catch (e) { text = ""; }
        return { ok: true, tracking: true, mode: "normal", text: text, location: "", stored: !!store };
      },
      put: function (s) {
        memory = s.suspend;
        if (!store) return true;
        try { store.setItem(key, s.suspend); return true; } catch (e) { return false; }
      },
      record: function () { return true; },
      commit: function () { return true; },
      finish: function (s) { return this.put(s); },
      channel: { refused: { element: "localStorage", code: "" } }
    };
  };
})(typeof window !== "undefined" ? window : globalThis);
