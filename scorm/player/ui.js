/* leermodules player, part 5: the page. Shows one part at a time, reads and restores answers,
   shows feedback, runs the assessment, and keeps the LMS up to date: every change is put at
   once, committed shortly after (debounced), and straight away when the page is hidden; the
   session ends on pagehide. State lives in `st` (the engine's Progress, see core.js); the page
   only shows it. */
(function () {
  "use strict";
  var LM = window.LM, C = LM.core, doc = document;
  var D = JSON.parse(doc.getElementById("lm-data").textContent);
  /* the Dutch texts come with the data (scorm/texts.py); {name} is filled in */
  function T(key, values) {
    return D.txt[key].replace(/\{(\w+)\}/g, function (m, name) { return values && name in values ? values[name] : m; });
  }

  var st, rt, info, shownAt = {}, commitTimer = null, confirmSubmit = false;
  var pages = [].slice.call(doc.querySelectorAll("section.pagina"));
  var forms = {};
  [].forEach.call(doc.querySelectorAll("form.vraag"), function (f) { forms[f.getAttribute("data-q")] = f; });
  function $(id) { return doc.getElementById(id); }
  function el(tag, text, cls) { var e = doc.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; }
  function html(tag, markup) { var e = doc.createElement(tag); e.innerHTML = markup; return e; } /* markup rendered at export, escaped */
  function announce(text) { var a = $("aankondiging"); a.textContent = ""; setTimeout(function () { a.textContent = text; }, 50); }
  function inPool(qi) { return !!D.a && D.a.pool.indexOf(qi) >= 0; }
  function isGraded(q) { return !!C.GRADED[q.k]; }

  /* ---------- the LMS ---------- */
  function connect() {
    for (var i = 0; i < LM.runtimeOrder.length && !rt; i++) rt = LM.runtimes[LM.runtimeOrder[i]](window, D);
    var note = "";
    if (rt) {
      info = rt.start();
      if (!info.ok) { message(T("noLms", { code: info.code || "-" })); rt = null; }
    }
    if (!rt) {
      rt = LM.runtimes.preview(window, D);
      info = rt.start();
      if (!$("melding").textContent) note = T(info.stored ? "preview" : "previewNoStore");
    } else if (!info.tracking) note = T("reviewMode");
    $("omgeving").textContent = note;
  }
  function message(text) { var m = $("melding"); m.textContent = text; m.hidden = !text; }
  function snapshot() {
    var status = C.status(D, st);
    return {
      suspend: C.encode(st),
      location: st.l === -1 ? "toets" : st.l === null ? "" : D.pages[st.l].id,
      status: status,
      score: D.a ? C.bestScore(st) : null,
      finished: C.finished(D, st),
      progress: C.fractionDone(D, st),
      submitted: st.t.some(function (a) { return a.s !== null; })
    };
  }
  function check(ok) {
    if (ok) { if (rt.failing) { rt.failing = false; message(""); } return true; }
    rt.failing = true;
    message(T("refused", { code: (rt.channel && rt.channel.refused && rt.channel.refused.code) || "-" }));
    return false;
  }
  function save(now) {
    check(rt.put(snapshot()));
    showProgress();
    if (now) commit();
    else { clearTimeout(commitTimer); commitTimer = setTimeout(commit, 1000); }
  }
  function commit() { clearTimeout(commitTimer); commitTimer = null; check(rt.commit()); }
  var ended = false;
  function end() { if (!ended) { ended = true; clearTimeout(commitTimer); rt.finish(snapshot()); } }

  /* ---------- progress and navigation ---------- */
  function showProgress() {
    var pct = Math.round(C.fractionDone(D, st) * 100), bar = $("voortgang");
    bar.value = pct; bar.textContent = pct + "%";
    var marks = doc.querySelectorAll("#menu .klaar");
    D.pages.forEach(function (p, i) { marks[i].hidden = st.d.indexOf(i) < 0; });
    if (D.a) marks[D.pages.length].hidden = !st.t.some(function (a) { return a.s !== null; });
  }
  function sectionOf(loc) { return loc === -1 ? $("toets") : loc === -2 ? $("einde") : pages[loc]; }
  function go(loc, focus) {
    pages.forEach(function (p) { p.hidden = true; });
    var section = sectionOf(loc);
    section.hidden = false;
    if (loc !== -2) st.l = loc;
    $("vorige").hidden = loc === 0 || (loc === -2 && !D.pages.length);
    $("volgende").hidden = loc === -1 || loc === -2;
    if (loc === -1) showAssessment();
    if (loc === -2) $("einde-tekst").textContent = C.finished(D, st) || C.status(D, st) === "completed" ? T("endDone") : T("endBusy");
    if (loc >= 0) D.pages[loc].q.forEach(function (qi) { shownAt[qi] = shownAt[qi] || Date.now(); });
    if (focus !== false) {
      var h = section.querySelector("h1");
      h.focus();
      window.scrollTo(0, 0);
    }
    save();
  }
  function next() {
    var loc = st.l;
    if (loc >= 0) {
      if (st.d.indexOf(loc) < 0) st.d.push(loc);
      if (loc + 1 < D.pages.length) return go(loc + 1);
      return go(D.a ? -1 : -2);
    }
  }
  function previous() {
    var visible = pages.filter(function (p) { return !p.hidden; })[0];
    var loc = Number(visible.getAttribute("data-page"));
    if (loc === -2) return go(D.a ? -1 : D.pages.length - 1);
    if (loc === -1) return go(D.pages.length - 1);
    if (loc > 0) go(loc - 1);
  }

  /* ---------- one question's form ---------- */
  function inputs(form) { return [].slice.call(form.querySelectorAll("fieldset input, fieldset select, fieldset textarea")); }
  function arrange(form, q, order) {
    var box;
    if (q.k === "single" || q.k === "multiple") box = form.querySelector(".opties");
    else if (q.k === "order") box = form.querySelector(".volgorde");
    if (box) {
      var items = {};
      [].forEach.call(box.children, function (c) { items[c.getAttribute("data-i")] = c; });
      order.forEach(function (i) { box.appendChild(items[i]); });
    } else if (q.k === "match") {
      [].forEach.call(form.querySelectorAll("select"), function (sel) {
        var opts = {};
        [].forEach.call(sel.options, function (o) { opts[o.value] = o; });
        order.forEach(function (i) { sel.appendChild(opts[i]); });
      });
    }
    if (q.k === "order") orderButtons(form);
  }
  function orderButtons(form) {
    var items = form.querySelectorAll(".volgorde li");
    [].forEach.call(items, function (li, i) {
      li.querySelector(".op").disabled = i === 0 || form.locked;
      li.querySelector(".neer").disabled = i === items.length - 1 || form.locked;
    });
  }
  function read(form, q) {
    var checked = form.querySelectorAll("fieldset input:checked"), values = [].map.call(checked, function (i) { return Number(i.value); });
    switch (q.k) {
      case "single": case "likert": return values.length ? values[0] : undefined;
      case "multiple": return values.length ? values.sort(function (a, b) { return a - b; }) : undefined;
      case "true_false": return values.length ? values[0] === 1 : undefined;
      case "order": return [].map.call(form.querySelectorAll(".volgorde li"), function (li) { return Number(li.getAttribute("data-i")); });
      case "match":
        var r = [].map.call(form.querySelectorAll("select"), function (s) { return Number(s.value); });
        return r.some(function (x) { return x >= 0; }) ? r : undefined;
      case "text": case "reflection":
        var v = form.querySelector(".tekstveld input, .tekstveld textarea").value;
        return v.trim() ? v : undefined;
      case "scenario": return form.path && form.path.length ? form.path.slice() : undefined;
    }
  }
  function restore(form, q, r) {
    switch (q.k) {
      case "single": case "likert": case "true_false": case "multiple":
        var want = q.k === "true_false" ? [r ? 1 : 0] : q.k === "multiple" ? r : [r];
        inputs(form).forEach(function (i) { i.checked = want.indexOf(Number(i.value)) >= 0; });
        break;
      case "order": arrange(form, q, r); break;
      case "match": [].forEach.call(form.querySelectorAll("select"), function (s, i) { s.value = String(r[i]); }); break;
      case "text": case "reflection": form.querySelector(".tekstveld input, .tekstveld textarea").value = r; break;
      case "scenario": form.path = r.slice(); showPath(form, q, true); break;
    }
  }
  function clear(form, q, order) {
    inputs(form).forEach(function (i) { if (i.type === "radio" || i.type === "checkbox") i.checked = false; else if (i.tagName === "SELECT") i.value = "-1"; else i.value = ""; });
    if (order) arrange(form, q, order);
    if (q.k === "scenario") { form.path = []; showPath(form, q, false); }
    form.querySelector(".feedback").textContent = "";
    lock(form, false);
  }
  function lock(form, locked) {
    form.locked = locked;
    inputs(form).forEach(function (i) { i.disabled = locked; });
    [].forEach.call(form.querySelectorAll(".knoppen button"), function (b) { b.disabled = locked; });
    if (form.getAttribute("data-kind") === "order") orderButtons(form);
    if (form.getAttribute("data-kind") === "scenario" && !locked) {
      var q = D.q[form.getAttribute("data-q")];
      showPath(form, q, form.showConsequences);
    }
  }
  /* scenario: the steps taken, in path order, each with its choice fixed; then the current step */
  function showPath(form, q, consequences) {
    form.showConsequences = consequences;
    var box = form.querySelector(".casus"), steps = {}, path = form.path || [];
    [].forEach.call(box.querySelectorAll(".stap"), function (s) { steps[s.getAttribute("data-s")] = s; });
    var walked = C.walk(q, path), visited = walked.visited;
    Object.keys(steps).forEach(function (k) { steps[k].hidden = true; steps[k].querySelector(".gevolg").textContent = ""; });
    visited.forEach(function (si, n) {
      var step = steps[si], radios = step.querySelectorAll("input");
      box.appendChild(step);
      step.hidden = false;
      [].forEach.call(radios, function (r) {
        r.checked = n < path.length && Number(r.value) === path[n];
        r.disabled = n < path.length || form.locked;
      });
      if (n < path.length && consequences) {
        var c = q.s[si][1][path[n]];
        if (c[2]) step.querySelector(".gevolg").appendChild(html("div", c[2]));
      }
    });
    var done = walked.ended;
    form.querySelector(".controleer").hidden = done;
    var again = form.querySelector(".opnieuw");
    again.hidden = !(done && !inPool(Number(form.getAttribute("data-q"))));
    return done;
  }
  function labelOf(form, i) {
    var input = form.querySelector('.opties input[value="' + i + '"]');
    return input ? form.querySelector('label[for="' + input.id + '"]').textContent : "";
  }
  /* the feedback region: verdict, the feedback the grade gives, the right answer, the explanation */
  function showFeedback(form, q, r, g) {
    var box = form.querySelector(".feedback");
    box.textContent = "";
    var verdict = T(g.score === null ? "saved" : g.score === 1 ? "good" : g.score > 0 ? "part" : "wrong", { pct: Math.round(g.score * 100) });
    var head = el("p", verdict, "oordeel " + (g.score === null ? "neutraal" : g.score === 1 ? "goed" : "fout"));
    box.appendChild(head);
    g.fb.forEach(function (f) { box.appendChild(html("div", f)); });
    if (g.score !== null && g.score < 1) box.appendChild(rightAnswer(form, q));
    if (q.x) box.appendChild(html("div", q.x));
  }
  function rightAnswer(form, q) {
    var wrap = el("div", "", "goede-antwoord"), list;
    switch (q.k) {
      case "single": wrap.appendChild(el("p", T("answerIs", { answer: labelOf(form, q.cr) }))); break;
      case "multiple":
        wrap.appendChild(el("p", T("answersAre")));
        list = el("ul");
        q.cr.forEach(function (i) { list.appendChild(el("li", labelOf(form, i))); });
        wrap.appendChild(list);
        break;
      case "true_false": wrap.appendChild(el("p", T("trueFalse", { answer: T(q.ans ? "trueWord" : "falseWord") }))); break;
      case "order":
        wrap.appendChild(el("p", T("orderIs")));
        list = el("ol");
        var items = {};
        [].forEach.call(form.querySelectorAll(".volgorde li"), function (li) { items[li.getAttribute("data-i")] = li.querySelector(".item").textContent; });
        for (var i = 0; i < q.n; i++) { var li = el("li", items[i]); if (q.f[i]) li.appendChild(html("div", q.f[i])); list.appendChild(li); }
        wrap.appendChild(list);
        break;
      case "match":
        wrap.appendChild(el("p", T("matchIs")));
        list = el("ul");
        [].forEach.call(form.querySelectorAll(".paar"), function (p, i) {
          var answer = p.querySelector('option[value="' + i + '"]').textContent;
          var li = el("li", p.querySelector("label").textContent + ": " + answer);
          if (q.f[i]) li.appendChild(html("div", q.f[i]));
          list.appendChild(li);
        });
        wrap.appendChild(list);
        break;
      case "text": wrap.appendChild(el("p", T("answerIs", { answer: q.acc_raw[0] }))); break;
      case "scenario": wrap.appendChild(el("p", T("points", { points: C.walk(q, form.path).points, best: q.bp }))); break;
    }
    return wrap;
  }
  function missing(q) { return T(q.k === "match" ? "chooseMatch" : q.k === "text" || q.k === "reflection" ? "type" : "choose"); }

  /* ---------- practice ---------- */
  var PRACTICE_SEED = 0;
  function setupPractice(qi) {
    var form = forms[qi], q = D.q[qi];
    /* practice: one fixed order per question, the same as the terminal app shows */
    arrange(form, q, C.displayOrder(q, PRACTICE_SEED, qi, true));
    var r = C.pairGet(st.p, qi);
    if (q.k === "scenario") form.path = [];
    if (r !== undefined) {
      restore(form, q, r);
      if (q.k !== "scenario" || showPath(form, q, true)) showFeedback(form, q, r, C.grade(q, r));
    } else if (q.k === "scenario") showPath(form, q, true);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (q.k === "scenario") return choose(form, q, function () { answerPractice(form, q, qi, true); });
      var resp = read(form, q);
      if (resp === undefined) return showNote(form, missing(q));
      answerPractice(form, q, qi, false, resp);
    });
    var again = form.querySelector(".opnieuw");
    if (again) again.addEventListener("click", function () {
      clear(form, q);
      C.pairSet(st.p, qi, []);
      save();
      form.querySelector(".casus input").focus();
    });
  }
  function answerPractice(form, q, qi, scenario, resp) {
    if (scenario) resp = form.path.slice();
    resp = C.validate(q, resp);
    C.pairSet(st.p, qi, resp);
    if (!scenario || form.querySelector(".controleer").hidden) showFeedback(form, q, resp, C.grade(q, resp));
    save();
  }
  function showNote(form, text) { var box = form.querySelector(".feedback"); box.textContent = ""; box.appendChild(el("p", text, "oordeel neutraal")); }
  function stepOf(form, si) { return form.querySelector('.stap[data-s="' + si + '"]'); }
  /* scenario: take the choice checked in the current step */
  function choose(form, q, then) {
    var path = form.path || (form.path = []), visited = C.walk(q, path).visited, si = visited[visited.length - 1];
    var step = stepOf(form, si), picked = step.querySelector("input:checked");
    if (!picked) return showNote(form, T("choose"));
    form.querySelector(".feedback").textContent = "";
    path.push(Number(picked.value));
    var done = showPath(form, q, form.showConsequences !== false);
    then(done);
    var nextStep = C.walk(q, path).visited;
    var target = done ? form.querySelector(".feedback") : stepOf(form, nextStep[nextStep.length - 1]);
    var focusable = target.querySelector("input") || target;
    if (!focusable.hasAttribute("tabindex") && focusable.tagName !== "INPUT") focusable.setAttribute("tabindex", "-1");
    focusable.focus();
    if (done) announce(T("endCase"));
  }

  /* ---------- order questions: moving items with the keyboard or the mouse ---------- */
  doc.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest(".volgorde button") : null;
    if (!button || button.disabled) return;
    var li = button.closest("li"), list = li.parentNode, form = button.closest("form");
    var move = Number(button.getAttribute("data-move"));
    if (move < 0 && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
    if (move > 0 && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
    orderButtons(form);
    (button.disabled ? li.querySelector(move < 0 ? ".neer" : ".op") : button).focus();
    var items = [].slice.call(list.children);
    announce(T("moved", { text: li.querySelector(".item").textContent, i: items.indexOf(li) + 1, n: items.length }));
    form.dispatchEvent(new Event("change", { bubbles: true }));
  });

  /* ---------- the assessment ---------- */
  function attempt() { return C.current(st); }
  function tries() {
    var left = C.attemptsLeft(D, st);
    return left === null ? T("triesAny") : left === 0 ? T("triesNone") : T("triesLeft", { left: left, total: D.a.tries });
  }
  function lastAttempt() { return st.t[st.t.length - 1]; }
  function showAssessment() {
    var att = attempt(), last = lastAttempt();
    $("toets-start").hidden = !!att || !!(last && last.s !== null);
    $("toets-vragen").hidden = !att;
    $("toets-uitslag").hidden = !(last && last.s !== null && !att);
    $("toets-pogingen").textContent = tries();
    $("toets-begin").disabled = C.attemptsLeft(D, st) === 0;
    if (att) showQuestion();
    else if (last && last.s !== null) showResult(last);
  }
  function prepareAttempt(att) {
    D.a.pool.forEach(function (qi) { forms[qi].hidden = true; });
    att.qs.forEach(function (qi, pos) {
      var form = forms[qi], q = D.q[qi];
      clear(form, q, C.displayOrder(q, att.seed, pos, D.a.shuffle));
      /* feedback after handing in: changes are kept as they are made, but an order shown just
         as the learner wants it needs a button to keep it as it is */
      var button = form.querySelector(".controleer");
      button.hidden = !(D.a.each || q.k === "scenario" || q.k === "order");
      if (q.k === "order" && !D.a.each) button.textContent = T("keepOrder");
      form.querySelector(".teller").textContent = T("question", { i: pos + 1, n: att.qs.length });
      var r = C.pairGet(att.a, qi);
      if (r !== undefined) {
        restore(form, q, r);
        if (q.k === "scenario") showPath(form, q, D.a.each);
        if (D.a.each && (q.k !== "scenario" || form.querySelector(".controleer").hidden)) { showFeedback(form, q, r, C.grade(q, r)); lock(form, true); }
      } else if (q.k === "scenario") showPath(form, q, D.a.each);
    });
  }
  function showQuestion(focus) {
    var att = attempt(), qi = att.qs[att.pos];
    att.qs.forEach(function (i, pos) { forms[i].hidden = pos !== att.pos; });
    $("vraag-vorige").disabled = att.pos === 0;
    $("vraag-volgende").hidden = att.pos === att.qs.length - 1;
    $("inleveren").hidden = att.pos !== att.qs.length - 1 && !allAnswered(att);
    $("inleveren-let-op").textContent = "";
    confirmSubmit = false;
    shownAt[qi] = shownAt[qi] || Date.now();
    if (focus) forms[qi].querySelector(".teller").focus();
  }
  function allAnswered(att) { return att.qs.every(function (qi) { return C.pairGet(att.a, qi) !== undefined; }); }
  function answerAssessment(qi, resp, graded) {
    var att = attempt(), q = D.q[qi], form = forms[qi];
    resp = C.validate(q, resp);
    C.pairSet(att.a, qi, resp);
    if (graded) { /* feedback after each question: the answer is final */
      var g = C.grade(q, resp);
      showFeedback(form, q, resp, g);
      lock(form, true);
      record(att, qi);
    }
    $("inleveren").hidden = att.pos !== att.qs.length - 1 && !allAnswered(att);
    save();
  }
  function withdrawAssessment(qi) {
    var att = attempt();
    if (!C.pairDelete(att.a, qi)) return;
    $("inleveren").hidden = att.pos !== att.qs.length - 1 && !allAnswered(att);
    save();
  }
  function record(att, qi) {
    var q = D.q[qi], r = C.pairGet(att.a, qi);
    check(rt.record({ id: q.id + "-p" + st.t.length, q: q, r: r, score: C.grade(q, r).score,
                      latency: shownAt[qi] ? Date.now() - shownAt[qi] : 0, when: new Date() }));
  }
  function setupAssessment() {
    D.a.pool.forEach(function (qi) {
      var form = forms[qi], q = D.q[qi];
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        if (!attempt() || form.locked) return;
        if (q.k === "scenario") return choose(form, q, function (done) { answerAssessment(qi, form.path.slice(), D.a.each && done); });
        var resp = read(form, q);
        if (resp === undefined) return showNote(form, missing(q));
        if (!D.a.each) { answerAssessment(qi, resp, false); return showNote(form, T("saved")); }
        answerAssessment(qi, resp, true);
      });
      /* feedback after handing in: every change is kept as it is made; a cleared answer
         (empty text box, no box ticked, no pair chosen) is no answer any more */
      function keep() {
        if (D.a.each || !attempt() || q.k === "scenario") return;
        var resp = read(form, q);
        if (resp !== undefined) answerAssessment(qi, resp, false);
        else withdrawAssessment(qi);
      }
      form.addEventListener("change", keep);
      form.addEventListener("input", keep);
    });
    $("toets-begin").addEventListener("click", begin);
    $("toets-opnieuw").addEventListener("click", begin);
    $("vraag-vorige").addEventListener("click", function () { moveTo(attempt().pos - 1); });
    $("vraag-volgende").addEventListener("click", function () { moveTo(attempt().pos + 1); });
    $("inleveren").addEventListener("click", handIn);
  }
  function randomSeed() {
    var a = new Uint32Array(1);
    (window.crypto || window.msCrypto).getRandomValues(a);
    return a[0];
  }
  function begin() {
    C.startAttempt(D, st, randomSeed());
    prepareAttempt(attempt());
    showAssessment();
    showQuestion(true);
    save(true);
  }
  function moveTo(pos) {
    var att = attempt();
    att.pos = Math.max(0, Math.min(pos, att.qs.length - 1));
    showQuestion(true);
    save();
  }
  function handIn() {
    var att = attempt(), open = att.qs.filter(function (qi) { return C.pairGet(att.a, qi) === undefined; }).length;
    if (open && !confirmSubmit) { confirmSubmit = true; $("inleveren-let-op").textContent = T(open === 1 ? "unanswered1" : "unanswered", { n: open }); return; }
    C.submitAttempt(D, st);
    if (!D.a.each) att.qs.forEach(function (qi) { if (C.pairGet(att.a, qi) !== undefined) record(att, qi); });
    showAssessment();
    save(true);
    $("uitslag-kop").focus();
  }
  function showResult(att) {
    var res = C.attemptResult(D, att), best = C.bestScore(st);
    var text = T(att.s >= D.a.pass ? "passed" : "failed", { pct: att.s, pass: D.a.pass });
    if (st.t.length > 1 && best !== null && best > att.s) text += " " + T("best", { pct: best });
    $("uitslag-tekst").textContent = text + " " + tries();
    $("toets-opnieuw").hidden = C.attemptsLeft(D, st) === 0;
    var table = $("uitslag-doelen");
    if (table) {
      var body = table.querySelector("tbody");
      body.textContent = "";
      res.objectives.forEach(function (o) {
        var row = el("tr"), name = D.obj.filter(function (x) { return x[0] === o.objective; })[0];
        row.appendChild(el("td", name ? name[1] : T("otherQuestions")));
        row.appendChild(el("td", o.percent + "%"));
        body.appendChild(row);
      });
      table.hidden = !res.objectives.length;
    }
    /* reviewing: each question with its verdict and feedback */
    var review = $("nakijken");
    review.textContent = "";
    if (!att.qs.length) return;
    review.appendChild(el("h3", T("review")));
    var list = el("ol");
    att.qs.forEach(function (qi) {
      var q = D.q[qi], r = C.pairGet(att.a, qi), item = el("li");
      item.appendChild(el("p", q.d, "vraagtekst"));
      if (r === undefined) item.appendChild(el("p", T("notAnswered"), "oordeel fout"));
      else {
        var box = el("div");
        box.className = "feedback";
        item.appendChild(box);
        var form = forms[qi], holder = form.querySelector(".feedback");
        showFeedback(form, q, r, C.grade(q, r));
        while (holder.firstChild) box.appendChild(holder.firstChild);
      }
      list.appendChild(item);
    });
    review.appendChild(list);
  }

  /* ---------- start ---------- */
  function start() {
    connect();
    st = C.decode(info.text || "", D) || C.fresh(D);
    if (st.l === null && info.location) {
      var at = D.pages.map(function (p) { return p.id; }).indexOf(info.location);
      st.l = info.location === "toets" && D.a ? -1 : at >= 0 ? at : null;
    }
    D.pages.forEach(function (p) { p.q.forEach(setupPractice); });
    if (D.a) { setupAssessment(); if (attempt()) prepareAttempt(attempt()); }
    $("volgende").addEventListener("click", next);
    $("vorige").addEventListener("click", previous);
    $("menuknop").addEventListener("click", function () {
      var open = this.getAttribute("aria-expanded") !== "true";
      this.setAttribute("aria-expanded", String(open));
      $("menu").hidden = !open;
    });
    [].forEach.call(doc.querySelectorAll("#menu a"), function (a) {
      a.addEventListener("click", function (e) {
        e.preventDefault();
        $("menu").hidden = true;
        $("menuknop").setAttribute("aria-expanded", "false");
        go(Number(a.getAttribute("data-go")));
      });
    });
    doc.addEventListener("visibilitychange", function () {
      if (doc.visibilityState === "hidden" && !ended) { check(rt.put(snapshot())); commit(); }
    });
    window.addEventListener("pagehide", end);
    window.addEventListener("beforeunload", end);
    window.addEventListener("pageshow", function (e) { if (e.persisted) window.location.reload(); });
    go(st.l === null ? 0 : st.l, st.l !== null);
    save(true);
    LM.state = function () { return st; }; /* for people debugging a package in the browser */
  }
  start();
})();
