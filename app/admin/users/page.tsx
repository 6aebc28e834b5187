import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/admin/admin-access";
import { searchUsers, type UserPage } from "@/lib/admin/search-users";
import { AppError } from "@/lib/errors/app-error";
import { Notice } from "@/components/ui/notice";
import { LocalTime } from "@/components/ui/local-time";
import { wordValidationMessage } from "@/lib/validations/word-validation";
import { requestLocale } from "@/lib/i18n/request-locale";
import { serverTranslator } from "@/lib/i18n/server-translator";
import { translate } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";
import { USER_SORTS, userSearchSchema, type UserSearch } from "@/lib/validations/admin-users";
import "./users.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("admin"))("users.title") };
}

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
  const locale = await requestLocale();
  const t = translatorFor(locale, "admin");
  const parsed = userSearchSchema.safeParse(await searchParams);
  const search: UserSearch = parsed.success ? parsed.data : { q: "", sort: "email", dir: "asc" };
  let page: UserPage = { rows: [], nextCursor: null };
  let problem = parsed.success ? null : wordValidationMessage(parsed.error.issues[0]?.message ?? "That search is not valid.", locale);
  if (!problem) {
    try {
      page = await searchUsers(search);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "VALIDATION")) throw error;
      problem = error.text ? translate(locale, error.text) : wordValidationMessage(error.message, locale);
    }
  }
  return (
    <div className="stack">
      <h1>{t("users.heading")}</h1>
      <form className="card user-search" method="get" action="/admin/users" role="search" aria-label={t("users.heading")}>
        <div className="field field-grow">
          <label htmlFor="user-q">{t("users.search.label")}</label>
          <input id="user-q" name="q" type="search" defaultValue={search.q} maxLength={100} aria-describedby="user-q-hint" />
          <span id="user-q-hint" className="muted small">
            {t("users.search.hint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="user-sort">{t("users.search.sort")}</label>
          <select id="user-sort" name="sort" defaultValue={search.sort}>
            {USER_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`users.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-dir">{t("users.search.order")}</label>
          <select id="user-dir" name="dir" defaultValue={search.dir}>
            <option value="asc">{t("users.search.asc")}</option>
            <option value="desc">{t("users.search.desc")}</option>
          </select>
        </div>
        <button className="btn" type="submit">
          {t("users.search.submit")}
        </button>
      </form>

      {problem ? (
        <Notice tone="error">
          {problem} <a href="/admin/users">{t("users.startAgain")}</a>
        </Notice>
      ) : page.rows.length === 0 ? (
        <div className="card">
          <p>{search.q ? t("users.noMatch", { q: search.q }) : t("users.none")}</p>
          {search.q && <a href="/admin/users">{t("users.showAll")}</a>}
        </div>
      ) : (
        <>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("users.found")}>
            <table className="table">
              <caption className="visually-hidden">
                {t("users.caption", { matching: search.q ? "yes" : "no", q: search.q, sort: t(`users.sortsInSentence.${search.sort}`), dir: search.dir })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("users.columns.email")}</th>
                  <th scope="col">{t("users.columns.name")}</th>
                  <th scope="col">{t("users.columns.mfa")}</th>
                  <th scope="col">{t("users.columns.activeDevices")}</th>
                  <th scope="col">{t("users.columns.lastSignIn")}</th>
                  <th scope="col">{t("users.columns.created")}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <a href={`/admin/users/${encodeURIComponent(u.id)}`}>{u.email}</a>
                      {u.role !== "USER" && <span className="badge"> {t("roles.staff", { role: u.role })}</span>}
                    </td>
                    <td>{u.name ?? <span className="muted">{t("users.noValue")}</span>}</td>
                    <td>{u.mfaEnabled ? <span className="badge badge-active">{t("users.on")}</span> : <span className="badge">{t("users.off")}</span>}</td>
                    <td>{u.activeDevices}</td>
                    <td>{u.lastSignInAt ? <LocalTime value={u.lastSignInAt.toISOString()} /> : <span className="muted">{t("users.never")}</span>}</td>
                    <td>
                      <LocalTime value={u.createdAt.toISOString()} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t("users.pages")}>
            {search.cursor ? <a href={listHref(search)}>{t("users.firstPage")}</a> : <span />}
            {page.nextCursor ? <a href={listHref(search, page.nextCursor)}>{t("users.nextPage")}</a> : <span className="muted small">{t("users.endOfList")}</span>}
          </nav>
        </>
      )}
    </div>
  );
}
