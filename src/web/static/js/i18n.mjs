/* global document, localStorage */
/**
 * The desk's words, Indonesian first (the moderators are Indonesian), English
 * as a switch kept in localStorage. `t(key, vars)` fills `{name}` slots;
 * elements with `data-i18n` (text) or `data-i18n-placeholder` are filled by
 * `applyStatic()`.
 */
const words = {
  id: {
    title: 'Meja moderator', signIn: 'Masuk', signInHelp: 'Tempel token moderator atau admin Anda. Token hanya disimpan di tab ini (sessionStorage).', token: 'Token',
    signOut: 'Keluar', badToken: 'Token tidak dikenal atau sudah dicabut.', notModerator: 'Halaman ini untuk moderator dan admin; token situs tidak bisa masuk.',
    navQueue: 'Antrean', navReported: 'Dilaporkan', navDashboard: 'Dasbor', navRules: 'Aturan',
    live: 'langsung', connecting: 'menyambung…', reconnecting: 'menyambung ulang…', refused: 'ditolak', offline: 'terputus',
    filters: 'Saring', site: 'Situs', allSites: 'Semua situs', article: 'Artikel', articlePh: 'id artikel', category: 'Kategori', allCategories: 'Semua kategori',
    queueAll: 'Perlu diputuskan', queueReported: 'Dilaporkan pembaca', held: 'Ditahan', reportedCount: 'Dilaporkan', overdueCount: 'Terlambat',
    keys: 'j/k pindah · a setujui · r tolak · n/p halaman', empty: 'Antrean kosong. Komentar baru muncul di sini secara langsung.',
    pageOf: 'Halaman {page} · {shown} ditampilkan dari {total}', prev: '‹ Sebelumnya', next: 'Berikutnya ›', loadError: 'Antrean tidak bisa dimuat: {message}',
    selectHint: 'Pilih komentar (j).', heldComment: 'Komentar', articleLabel: 'Artikel', authorLabel: 'Penulis', received: 'Masuk {time}',
    due: 'Tenggat {time}', left: '{span} lagi', late: 'terlambat {span}', noDue: 'tanpa tenggat', urgent: 'mendesak', withdrawn: 'ditarik dari situs',
    reportedBadge: '{n} laporan', why: 'Mengapa ditahan', noRule: 'Tidak ada aturan yang cocok: ditahan oleh kebijakan situs.', noRuleReported: 'Tidak ada aturan yang cocok: masuk antrean karena laporan pembaca.',
    rule: 'aturan {id}', published: 'Tampil di situs sebagai', reports: 'Laporan pembaca', standing: 'Rekam jejak penulis',
    reportState_received: 'diterima', reportState_reviewed: 'ditinjau', reportState_upheld: 'dikabulkan', reportState_rejected: 'ditolak', resolvedIn: 'selesai dalam {span}', reportDue: 'tenggat {time}',
    standingLine: 'disetujui {approved} · ditahan {held} · ditolak {rejected} ({days} hari)', offender: 'pelanggar berulang', bannedUntil: 'diblokir s.d. {time}',
    history: 'Komentar terbaru penulis', noHistory: 'Tidak ada komentar lain dari penulis ini.', loading: 'Memuat…',
    note: 'catatan (opsional)', approve: 'Setujui (a)', reject: 'Tolak (r)', force: 'Paksa: {status}',
    conflict: 'Sudah {status} oleh {who} ({time}). Keputusan Anda tidak dikirim.', busy: 'Moderator lain sedang memutuskan komentar ini.',
    decidedElsewhere: 'Komentar ini baru saja {status} oleh {who}. Tombol a/r tidak akan memutuskan komentar lain; tekan j untuk lanjut.',
    recent: 'Keputusan terbaru', status_pending: 'ditahan', status_approved: 'disetujui', status_rejected: 'ditolak',
    rulesReloaded: 'Aturan dimuat ulang ({version})', rulesRejected: 'Perubahan aturan ditolak; aturan terakhir yang baik tetap dipakai.',
    takedownReceived: 'Perintah take-down {number}: {count} komentar ditarik, batas {hours} jam.', takedownOverdue: 'Perintah take-down {number} lewat batas waktu!',
    dashTitle: 'Kepatuhan (Permenkominfo 5/2020)', csv: 'Unduh CSV', decisions: 'Keputusan', byModerator: 'oleh moderator', readerReports: 'Laporan pembaca',
    withdrawnReports: 'Ditarik karena laporan', median: 'Median respons', p95: 'p95 respons', p95urgent: 'p95 mendesak', overdue: 'Terlambat',
    chartTitle: 'Keputusan per kategori per hari (WIB)', ruleFiles: 'Berkas aturan', pickFile: 'Pilih berkas', validate: 'Periksa', save: 'Simpan',
    serving: 'Dipakai {version} · {rules} aturan · {terms} istilah', tryTitle: 'Coba komentar', tryPh: 'Ketik komentar untuk diuji dengan aturan yang dipakai', moderate: 'Moderasi',
    noPolicy: 'tanpa kebijakan situs', valid: 'Valid: {n} aturan.', saved: 'Tersimpan; dipakai {version}.', staleFile: 'Seseorang mengubah berkas ini sejak Anda membukanya. Muat ulang lalu ulangi suntingan Anda.',
    action: 'tindakan {action}', streamBack: 'Sambungan langsung kembali; antrean dimuat ulang.',
  },
  en: {
    title: "Moderator's desk", signIn: 'Sign in', signInHelp: 'Paste your moderator or admin token. It is kept in this tab only (sessionStorage).', token: 'Token',
    signOut: 'Sign out', badToken: 'That token is unknown or revoked.', notModerator: 'This page is for moderators and admins; a site token cannot sign in.',
    navQueue: 'Queue', navReported: 'Reported', navDashboard: 'Dashboard', navRules: 'Rules',
    live: 'live', connecting: 'connecting…', reconnecting: 'reconnecting…', refused: 'refused', offline: 'offline',
    filters: 'Filters', site: 'Site', allSites: 'All sites', article: 'Article', articlePh: 'article id', category: 'Category', allCategories: 'All categories',
    queueAll: 'To decide', queueReported: 'Reported by readers', held: 'Held', reportedCount: 'Reported', overdueCount: 'Overdue',
    keys: 'j/k move · a approve · r reject · n/p page', empty: 'The queue is empty. New comments appear here live.',
    pageOf: 'Page {page} · {shown} shown of {total}', prev: '‹ Previous', next: 'Next ›', loadError: 'Could not load the queue: {message}',
    selectHint: 'Select a comment (j).', heldComment: 'Comment', articleLabel: 'Article', authorLabel: 'Author', received: 'Received {time}',
    due: 'Due {time}', left: '{span} left', late: '{span} overdue', noDue: 'no deadline', urgent: 'urgent', withdrawn: 'withdrawn from the site',
    reportedBadge: '{n} reports', why: 'Why it was held', noRule: 'No rule matched: held by the site policy.', noRuleReported: 'No rule matched: queued because readers reported it.',
    rule: 'rule {id}', published: 'Published on the site as', reports: 'Reader reports', standing: "Author's standing",
    reportState_received: 'received', reportState_reviewed: 'reviewed', reportState_upheld: 'upheld', reportState_rejected: 'rejected', resolvedIn: 'resolved in {span}', reportDue: 'due {time}',
    standingLine: 'approved {approved} · held {held} · rejected {rejected} ({days} days)', offender: 'repeat offender', bannedUntil: 'banned until {time}',
    history: "Author's recent comments", noHistory: 'No other comments from this author.', loading: 'Loading…',
    note: 'note (optional)', approve: 'Approve (a)', reject: 'Reject (r)', force: 'Force: {status}',
    conflict: 'Already {status} by {who} ({time}). Your decision was not sent.', busy: 'Another moderator is deciding this comment right now.',
    decidedElsewhere: 'This comment was just {status} by {who}. a/r will not decide another comment; press j to go on.',
    recent: 'Recent decisions', status_pending: 'held', status_approved: 'approved', status_rejected: 'rejected',
    rulesReloaded: 'Rules reloaded ({version})', rulesRejected: 'A rule change was refused; the last good rules keep serving.',
    takedownReceived: 'Take-down order {number}: {count} comments withdrawn, due in {hours} h.', takedownOverdue: 'Take-down order {number} is overdue!',
    dashTitle: 'Compliance (Permenkominfo 5/2020)', csv: 'Download CSV', decisions: 'Decisions', byModerator: 'by moderators', readerReports: 'Reader reports',
    withdrawnReports: 'Withdrawn after reports', median: 'Median response', p95: 'p95 response', p95urgent: 'p95 urgent', overdue: 'Overdue',
    chartTitle: 'Decisions per category per day (WIB)', ruleFiles: 'Rule files', pickFile: 'Pick a file', validate: 'Validate', save: 'Save',
    serving: 'Serving {version} · {rules} rules · {terms} terms', tryTitle: 'Try a comment', tryPh: 'Type a comment to test against the serving rules', moderate: 'Moderate',
    noPolicy: 'no site policy', valid: 'Valid: {n} rules.', saved: 'Saved; serving {version}.', staleFile: 'Someone changed this file since you opened it. Reload it and apply your edit again.',
    action: 'action {action}', streamBack: 'The live stream is back; the queue was reloaded.',
  },
};

const KEY = 'saring.lang';
let current = (() => {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
})();

/** The chosen language, `id` or `en`. */
export const lang = () => current;

/** A word of the chosen language, with `{slot}`s filled from `vars`. */
export function t(key, vars = {}) {
  const text = words[current][key] ?? words.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** The label of a comment status. */
export const statusLabel = (status) => t(`status_${status}`);

/** Switches the language and refills the static labels. */
export function setLang(value) {
  current = value === 'en' ? 'en' : 'id';
  try {
    localStorage.setItem(KEY, current);
  } catch {
    // a browser without storage keeps the choice for this page only
  }
  applyStatic();
}

/** Fills every `data-i18n` / `data-i18n-placeholder` element and the page's `lang`. */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
}

/** A date and time in the chosen language, Jakarta time. */
export function timeLabel(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(current === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Jakarta' });
}

/** A span of time: "3 j 5 m" / "3 h 5 m". */
export function spanLabel(ms) {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  return h > 0 ? `${h} ${current === 'en' ? 'h' : 'j'} ${m} m` : `${m} m`;
}

/** "3 j 5 m lagi" / "3 h 5 m left" / overdue, and a class for its urgency. */
export function timeLeft(dueAt, now = Date.now()) {
  if (!dueAt) return { text: t('noDue'), cls: '' };
  const ms = new Date(dueAt).getTime() - now;
  const span = spanLabel(ms);
  if (ms < 0) return { text: t('late', { span }), cls: 'overdue' };
  return { text: t('left', { span }), cls: ms < 3_600_000 ? 'soon' : '' };
}
