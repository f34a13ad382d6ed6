// The stand-in LMS page. Query: ?v=scorm12|scorm2004. Before the page loads, a test may set
// window.__stored (cmi data from an earlier session, as an LMS would keep it) and
// window.__launch (extra launch values such as a lesson mode; failInit: Initialize is refused).
(function () {
  "use strict";
  var version = new URLSearchParams(location.search).get("v");
  var log = { version: version, calls: [], errors: [], messages: [], commits: [], finished: false };
  window.__lms = log;
  var settings = {
    logLevel: 3, // warnings and errors
    onLogMessage: function (level, message) { log.messages.push([String(level), String(message)]); },
  };
  var api, names, errorFn;
  if (version === "scorm12") {
    api = new window.Scorm12API(settings);
    names = ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"];
    errorFn = "LMSGetLastError";
  } else {
    api = new window.Scorm2004API(settings);
    names = ["Initialize", "Terminate", "GetValue", "SetValue", "Commit"];
    errorFn = "GetLastError";
  }
  var stored = window.__stored || null;
  var launch = window.__launch || {};
  if (stored) api.loadFromJSON(stored);
  if (version === "scorm12") {
    api.cmi.core.entry = stored ? "resume" : "ab-initio";
    if (launch.mode) api.cmi.core.lesson_mode = launch.mode;
    if (launch.credit) api.cmi.core.credit = launch.credit;
    if (launch.mastery) api.cmi.student_data.mastery_score = launch.mastery;
  } else {
    api.cmi.entry = stored ? "resume" : "ab-initio";
    if (launch.mode) api.cmi.mode = launch.mode;
    if (launch.credit) api.cmi.credit = launch.credit;
    if (launch.passing) api.cmi.scaled_passing_score = launch.passing;
  }
  // A test may set log.refuse = true: every SetValue is then refused (error 101), as a
  // struggling LMS would, until it is set back to false.
  log.refuse = false;
  var originalError = api[errorFn];
  api[errorFn] = function () { return log.refusing ? "101" : originalError.apply(api, arguments); };
  names.forEach(function (name) {
    var original = api[name];
    api[name] = function () {
      var args = [].slice.call(arguments);
      log.refusing = false;
      if ((log.refuse && /SetValue$/.test(name)) || (launch.failInit && /Initialize$/.test(name))) {
        log.refusing = true;
        log.refused = (log.refused || 0) + 1;
        return "false";
      }
      var result = original.apply(api, args);
      var code = String(api[errorFn]());
      log.calls.push([name, args, String(result), code]);
      if (code !== "0") log.errors.push([name, args, code]);
      if (/Commit$/.test(name)) log.commits.push(JSON.stringify(api.renderCMIToJSONObject()));
      if (name === "LMSFinish" || name === "Terminate") {
        log.finished = true;
        log.final = JSON.stringify(api.renderCMIToJSONObject());
      }
      return result;
    };
  });
  window[version === "scorm12" ? "API" : "API_1484_11"] = api;
  log.cmi = function () { return JSON.stringify(api.renderCMIToJSONObject()); };
  var frame = document.createElement("iframe");
  frame.title = "Module";
  frame.style.width = "100%";
  frame.style.height = "90vh";
  frame.src = "sco/index.html";
  document.body.appendChild(frame);
})();
