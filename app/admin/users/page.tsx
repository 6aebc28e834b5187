import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { searchUsers, type UserPage } from "@/lib/admin/search-users";
import { AppError } from "@/lib/errors/app-error";
import { Notice } from "@/components/ui/notice";
import { formatUtc } from "@/lib/otp/messages";
import { USER_SORTS, userSearchSchema, userSortLabel, type UserSearch } from "@/lib/validations/admin-users";
import "./users.css";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function listHref(search: Pick<UserSearch, "q" | "sort" | "dir">, cursor?: string) {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  params.set("sort", search.sort);
  params.set("dir", search.dir);
  if (cursor) params.set("cursor", cursor);
  return `/admin/users?${params}`;
}

/**
 * Find a user (issue 13): a plain GET form, so a search is a link that can be shared and reloaded; one
 * statement per page (lib/admin/search-users.ts), paged by a cursor, never by counting rows to skip.
 */
export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage("users.read");
  const parsed = userSearchSchema.safeParse(await searchParams);
  const search: UserSearch = parsed.success ? parsed.data : { q: "", sort: "email", dir: "asc" };
  let page: UserPage = { rows: [], nextCursor: null };
  let problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? "That search is not valid.");
  if (!problem) {
    try {
      page = await searchUsers(search);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "VALIDATION")) throw error;
      problem = error.message;
    }
  }
  return (
    <div className="stack">
      <h1>Users</h1>
      <form className="card user-search" method="get" action="/admin/users" role="search" aria-label="Users">
        <div className="field field-grow">
          <label htmlFor="user-q">Search users</label>
          <input id="user-q" name="q" type="search" defaultValue={search.q} maxLength={100} aria-describedby="user-q-hint" />
          <span id="user-q-hint" className="muted small">
            Part of an email, name, username or phone number.
          </span>
        </div>
        <div className="field">
          <label htmlFor="user-sort">Sort by</label>
          <select id="user-sort" name="sort" defaultValue={search.sort}>
            {USER_SORTS.map((s) => (
              <option key={s} value={s}>
                {userSortLabel[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-dir">Order</label>
          <select id="user-dir" name="dir" defaultValue={search.dir}>
            <option value="asc">Ascending (A–Z, oldest first)</option>
            <option value="desc">Descending (Z–A, newest first)</option>
          </select>
        </div>
        <button className="btn" type="submit">
          Search
        </button>
      </form>

      {problem ? (
        <Notice tone="error">
          {problem} <a href="/admin/users">Start again</a>
        </Notice>
      ) : page.rows.length === 0 ? (
        <div className="card">
          <p>{search.q ? `No users match “${search.q}”.` : "There are no users yet."}</p>
          {search.q && <a href="/admin/users">Show every user</a>}
        </div>
      ) : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Users found">
            <table className="table">
              <caption className="visually-hidden">
                Users{search.q ? ` matching “${search.q}”` : ""}, by {userSortLabel[search.sort].toLowerCase()}, {search.dir === "asc" ? "ascending" : "descending"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Name</th>
                  <th scope="col">Two-step verification</th>
                  <th scope="col">Active devices</th>
                  <th scope="col">Last sign-in (UTC)</th>
                  <th scope="col">Created (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <a href={`/admin/users/${encodeURIComponent(u.id)}`}>{u.email}</a>
                      {u.role !== "USER" && <span className="badge"> {u.role === "ADMIN" ? "Administrator" : "Helpdesk"}</span>}
                    </td>
                    <td>{u.name ?? <span className="muted">none</span>}</td>
                    <td>{u.mfaEnabled ? <span className="badge badge-active">On</span> : <span className="badge">Off</span>}</td>
                    <td>{u.activeDevices}</td>
                    <td>{u.lastSignInAt ? formatUtc(u.lastSignInAt) : <span className="muted">never</span>}</td>
                    <td>{formatUtc(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages of users">
            {search.cursor ? <a href={listHref(search)}>First page</a> : <span />}
            {page.nextCursor ? <a href={listHref(search, page.nextCursor)}>Next page</a> : <span className="muted small">End of the list</span>}
          </nav>
        </>
      )}
    </div>
  );
}
