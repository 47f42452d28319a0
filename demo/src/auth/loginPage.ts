/**
 * A plain login page for browsers that open a protected page without a session (DHIS2 sends them
 * to its login app). It posts DHIS2's legacy form login (`j_username`/`j_password` to
 * `/dhis-web-commons-security/login.action`), which redirects back to the page that was asked for.
 */

const escapeHtml = (text: string): string =>
    text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export const loginPageHtml = (opts: {
    title: string
    baseUrl: string
    failed: boolean
    hint?: string
}): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)} - Log in</title>
<style>
body{font-family:Roboto,Arial,sans-serif;background:#f3f5f7;color:#212934;display:flex;justify-content:center;padding-top:10vh;margin:0}
form{background:#fff;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.2);padding:32px;width:320px}
h1{font-size:20px;margin:0 0 24px}
label{display:block;font-size:14px;margin:16px 0 4px}
input{box-sizing:border-box;width:100%;padding:8px;font-size:14px;border:1px solid #a0adba;border-radius:3px}
button{margin-top:24px;width:100%;padding:10px;font-size:14px;background:#147cd7;color:#fff;border:0;border-radius:3px;cursor:pointer}
.error{background:#fbeae5;color:#8a1c12;padding:8px;border-radius:3px;font-size:14px}
.hint{font-size:12px;color:#4a5768;margin-top:16px}
</style>
</head>
<body>
<form method="post" action="${escapeHtml(opts.baseUrl)}/dhis-web-commons-security/login.action">
<h1>${escapeHtml(opts.title)}</h1>
${opts.failed ? '<div class="error" role="alert">Wrong username or password</div>' : ''}
<label for="j_username">Username</label>
<input id="j_username" name="j_username" autocomplete="username" autofocus required>
<label for="j_password">Password</label>
<input id="j_password" name="j_password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
${opts.hint ? `<p class="hint">${escapeHtml(opts.hint)}</p>` : ''}
</form>
</body>
</html>
`
