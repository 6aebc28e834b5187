/*
 * MFA device widget: embed the account's device management in any allowed page.
 *
 *   <script src="https://accounts.example.com/widget.js"></script>
 *   MfaWidget.open({ container: "#devices", flow: "device-management", username: "amy@example.com",
 *                    onSuccess: (result) => {}, onError: (error) => {} });
 *
 * The flow runs in an iframe served by the portal; its JSON result comes back by postMessage. This
 * script only accepts messages from the portal's origin and from its own iframe, and the portal only
 * posts to the host origin it was given, after checking that origin is allowed to embed it.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var portalOrigin = new URL(script ? script.src : window.location.href).origin;

  function resolveContainer(container) {
    var element = typeof container === "string" ? document.querySelector(container) : container;
    if (!element) throw new Error("MfaWidget: container not found");
    return element;
  }

  function open(options) {
    var opts = options || {};
    var flow = opts.flow || "device-management";
    var container = resolveContainer(opts.container);
    var params = new URLSearchParams({ parentOrigin: window.location.origin });
    if (opts.username) params.set("username", opts.username);

    var iframe = document.createElement("iframe");
    iframe.src = portalOrigin + "/widget/" + encodeURIComponent(flow) + "?" + params.toString();
    iframe.title = opts.title || "Manage your sign-in devices";
    iframe.style.width = "100%";
    iframe.style.minHeight = (opts.height || 560) + "px";
    iframe.style.border = "0";
    iframe.allow = "publickey-credentials-get *; publickey-credentials-create *";
    container.replaceChildren(iframe);

    function onMessage(event) {
      if (event.origin !== portalOrigin || event.source !== iframe.contentWindow) return;
      var data = event.data;
      if (!data || data.source !== "mfa-widget") return;
      if (data.status === "success") {
        if (typeof opts.onSuccess === "function") opts.onSuccess(data.result);
      } else if (typeof opts.onError === "function") {
        opts.onError(data.result);
      }
    }
    window.addEventListener("message", onMessage);

    return {
      iframe: iframe,
      close: function () {
        window.removeEventListener("message", onMessage);
        iframe.remove();
      },
    };
  }

  window.MfaWidget = { open: open };
})();
