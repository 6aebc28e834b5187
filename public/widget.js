/*
 * MFA device widget: embed the account's device management in any allowed page.
 *
 *   <script src="https://accounts.example.com/widget.js"></script>
 *   MfaWidget.open({
 *     container: "#devices",
 *     flow: "device-management",
 *     token: "mfa_wt_…",            // from POST /api/v1/widget-tokens, asked for by YOUR server
 *     onSuccess: (result) => {},    // { result: "success" } (Done)
 *     onCancel: (result) => {},     // { result: "cancelled" } (Cancel); without onCancel, onSuccess gets it
 *     onError: (error) => {},       // { ciam_errorCode, ciam_errorMessage }
 *   });
 *
 * The flow runs in an iframe served by the portal. The frame says it is ready; this script answers with
 * the token (or, without one, the `username` a same-site page expects of the portal's session) by
 * postMessage to the portal's origin only, so neither is ever in the iframe's URL. Results and the
 * frame's height come back by postMessage; this script accepts messages only from the portal's origin
 * and its own iframe, and the portal only posts to the host origin it was given, after checking that
 * origin is allowed to embed it. A frame that never says it is ready (the site is not allowed to embed
 * it, or the portal cannot be reached) ends in onError with WIDGET_UNAVAILABLE.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var portalOrigin = new URL(script ? script.src : window.location.href).origin;
  // How long the frame may take to say it is ready, from open() and from the frame's load event.
  var DEFAULT_LOAD_TIMEOUT_MS = 20000;
  var AFTER_LOAD_GRACE_MS = 5000;

  function resolveContainer(container) {
    var element = typeof container === "string" ? document.querySelector(container) : container;
    if (!element) throw new Error("MfaWidget: container not found");
    return element;
  }

  function call(callback, value) {
    if (typeof callback === "function") callback(value);
  }

  function open(options) {
    var opts = options || {};
    var flow = opts.flow || "device-management";
    var container = resolveContainer(opts.container);
    var params = new URLSearchParams({ parentOrigin: window.location.origin });

    var iframe = document.createElement("iframe");
    iframe.src = portalOrigin + "/widget/" + encodeURIComponent(flow) + "?" + params.toString();
    iframe.title = opts.title || "Manage your sign-in devices";
    iframe.style.width = "100%";
    // Until the frame reports its content's height.
    iframe.style.height = (opts.height || 320) + "px";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.allow = "publickey-credentials-get *; publickey-credentials-create *";

    var ready = false;
    var ended = false;
    var timers = [];

    function clearTimers() {
      timers.forEach(clearTimeout);
      timers = [];
    }

    function unavailable() {
      if (ready || ended) return;
      ended = true;
      clearTimers();
      call(opts.onError, {
        ciam_errorCode: "WIDGET_UNAVAILABLE",
        ciam_errorMessage: "The device widget could not be shown here: this site may not be allowed to embed it, or the portal could not be reached.",
      });
    }

    timers.push(setTimeout(unavailable, opts.loadTimeout || DEFAULT_LOAD_TIMEOUT_MS));
    iframe.addEventListener("load", function () {
      if (!ready) timers.push(setTimeout(unavailable, AFTER_LOAD_GRACE_MS));
    });
    iframe.addEventListener("error", unavailable);

    function onMessage(event) {
      if (event.origin !== portalOrigin || event.source !== iframe.contentWindow) return;
      var data = event.data;
      if (!data || data.source !== "mfa-widget") return;
      if (data.type === "ready") {
        ready = true;
        clearTimers();
        iframe.contentWindow.postMessage(
          { source: "mfa-widget-host", type: "init", token: opts.token || null, username: opts.username || null },
          portalOrigin,
        );
      } else if (data.type === "resize") {
        var height = Number(data.height);
        if (height > 0 && height < 100000) iframe.style.height = Math.ceil(height) + "px";
      } else if (data.type === "result" && !ended) {
        ended = true;
        var result = data.result || {};
        if (data.status === "success" && result.result === "cancelled" && typeof opts.onCancel === "function") opts.onCancel(result);
        else if (data.status === "success") call(opts.onSuccess, result);
        else call(opts.onError, result);
      }
    }
    window.addEventListener("message", onMessage);
    container.replaceChildren(iframe);

    return {
      iframe: iframe,
      close: function () {
        ended = true;
        clearTimers();
        window.removeEventListener("message", onMessage);
        iframe.remove();
      },
    };
  }

  window.MfaWidget = { open: open };
})();
