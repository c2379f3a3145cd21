// api fetches JSON from the server's API and throws its {"error"} message.
export async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const qs = q.toString();
  const resp = await fetch(path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await resp.json();
  } catch {
    throw new Error(`${resp.status} ${resp.statusText}`);
  }
  if (!resp.ok) throw new Error(body && body.error ? body.error : `${resp.status} ${resp.statusText}`);
  return body;
}
