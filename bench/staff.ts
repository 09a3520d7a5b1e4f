import { requestJSON } from './request'

const PASSWORD = 'newsroom-bench-password'
const ADMIN = { name: 'Bench Admin', email: 'bench-admin@example.com' }
const EDITOR = { name: 'Bench Editor', email: 'bench-editor@example.com' }

type LoggedIn = { token: string }

const login = (url: string, email: string): Promise<LoggedIn> =>
  requestJSON<LoggedIn>(url, {
    body: JSON.stringify({ email, password: PASSWORD }),
    expect: 200,
    method: 'POST',
    path: '/api/users/login',
  })

/**
 * An editor's `Authorization` header on a freshly filled archive (call it once per server), made
 * the way a newsroom starts: the first account registers and becomes admin, the admin adds an
 * editor, the editor logs in. Through REST rather than in the fill, so that every other scenario
 * runs on the same data as before: with staff accounts, each comment also notifies them.
 */
export const editorAuthorization = async (url: string): Promise<string> => {
  const admin = await requestJSON<LoggedIn>(url, {
    body: JSON.stringify({ ...ADMIN, password: PASSWORD }),
    expect: 200,
    method: 'POST',
    path: '/api/users/first-register',
  })
  await requestJSON(url, {
    body: JSON.stringify({ ...EDITOR, password: PASSWORD, role: 'editor' }),
    expect: 201,
    headers: { authorization: `JWT ${admin.token}` },
    method: 'POST',
    path: '/api/users',
  })
  const editor = await login(url, EDITOR.email)
  return `JWT ${editor.token}`
}
