/** Lives inside the shadow root: the host page's CSS cannot reach it, nor it the page. */
export const widgetStyles = `
:host{all:initial}
.tl-widget{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.tl-widget *{box-sizing:border-box}
.tl-launcher{position:relative;width:56px;height:56px;border-radius:50%;border:0;background:#3b5bdb;color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center}
.tl-launcher:focus-visible,.tl-widget button:focus-visible,.tl-widget input:focus-visible,.tl-widget textarea:focus-visible{outline:2px solid #91a7ff;outline-offset:2px}
.tl-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#e03131;color:#fff;font-size:12px;font-weight:600;line-height:20px;text-align:center}
.tl-pane{width:360px;max-width:calc(100vw - 40px);height:520px;max-height:calc(100vh - 110px);background:#fff;border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.22);display:flex;flex-direction:column;overflow:hidden}
.tl-header{display:flex;justify-content:space-between;align-items:center;padding:14px 16px;background:#3b5bdb;color:#fff}
.tl-title{font-weight:600;font-size:16px}
.tl-subtitle{font-size:12px;opacity:.85}
.tl-close{border:0;background:transparent;color:#fff;font-size:24px;line-height:1;cursor:pointer;padding:0 4px}
.tl-notice{margin:0;padding:10px 16px;background:#fff4e6;color:#7a4a00;font-size:13px;border-bottom:1px solid #ffe8cc}
.tl-offline{margin:0;padding:4px 16px;background:#f1f3f5;color:#495057;font-size:12px}
.tl-messages{flex:1;overflow-y:auto;padding:12px 12px 4px;display:flex;flex-direction:column;gap:6px;background:#f8f9fb}
.tl-earlier{align-self:center;border:1px solid #ced4da;background:#fff;border-radius:12px;padding:3px 12px;font:inherit;font-size:12px;cursor:pointer;color:#3b5bdb}
.tl-empty{color:#868e96;text-align:center;margin:auto 12px}
.tl-message{max-width:80%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;word-wrap:break-word}
.tl-own{align-self:flex-end;background:#3b5bdb;color:#fff;border-bottom-right-radius:4px}
.tl-agent{align-self:flex-start;background:#fff;border:1px solid #e9ecef;border-bottom-left-radius:4px}
.tl-sending{opacity:.7}
.tl-failed{background:#fff5f5;color:#c92a2a;border:1px solid #ffc9c9}
.tl-meta{font-size:11px;opacity:.85;margin-top:2px}
.tl-retry{border:0;background:none;color:inherit;text-decoration:underline;cursor:pointer;font:inherit;padding:0}
.tl-composer{display:flex;gap:8px;padding:10px;border-top:1px solid #e9ecef;background:#fff}
.tl-input{flex:1;resize:none;border:1px solid #ced4da;border-radius:10px;padding:8px 10px;font:inherit;max-height:120px}
.tl-send{border:0;border-radius:10px;background:#3b5bdb;color:#fff;padding:0 16px;font:inherit;font-weight:600;cursor:pointer;min-height:36px}
.tl-send:disabled{background:#adb5bd;cursor:default}
.tl-prechat{display:flex;flex-direction:column;gap:8px;padding:12px 16px 16px;border-top:1px solid #e9ecef;background:#fff}
.tl-prechat-intro{margin:0;color:#495057}
.tl-prechat label{display:flex;flex-direction:column;gap:2px;font-size:12px;color:#495057}
.tl-prechat input{border:1px solid #ced4da;border-radius:8px;padding:7px 9px;font:inherit;font-size:14px;color:#1f2430}
.tl-error{margin:0;color:#c92a2a;font-size:12px}
`;
