// The stages of a build, timed, with every problem reported before anything is written.
#include "commands/pipeline.h"

#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "cache/chapter_memo.h"
#include "cache/parse_cache.h"
#include "config/config.h"
#include "content/amendments.h"
#include "content/contacts.h"
#include "content/page_parser.h"
#include "content/retired_details.h"
#include "content/source_path.h"
#include "core/checked_file.h"
#include "core/text.h"
#include "core/thread_pool.h"
#include "markdown/document.h"
#include "output/extra_outputs.h"
#include "output/output_folder.h"
#include "output/output_memo.h"
#include "output/pdf/pdf_module.h"
#include "output/site_renderer.h"
#include "output/search_index.h"
#include "output/writer.h"
#include "templates/renderer.h"
#include "templates/theme.h"

namespace herald {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

class Stopwatch {
 public:
  explicit Stopwatch(std::vector<StageTiming>& timings) : timings_(timings) {}
  void lap(const std::string& name) {
    auto now = Clock::now();
    timings_.push_back({name, std::chrono::duration<double, std::milli>(now - start_).count()});
    start_ = now;
  }

 private:
  std::vector<StageTiming>& timings_;
  Clock::time_point start_ = Clock::now();
};

/// The git blob id of `content`, as `git hash-object` gives it.
std::string blob_id_of(const std::string& content) {
  git_oid oid;
  if (git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) != 0) return "";
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

/// Reads the working tree (for preview), skipping what git ignores.
std::vector<SourceFile> read_worktree(const Repository& repo) {
  std::vector<SourceFile> files;
  std::string root = repo.workdir();
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string rel = fs::relative(it->path(), root, ec).generic_string();
    if (rel == ".git" || rel == ".herald-cache" || starts_with(rel, ".git/")) {
      it.disable_recursion_pending();
      continue;
    }
    int ignored = 0;
    std::string check = it->is_directory() ? rel + "/" : rel;
    if (git_ignore_path_is_ignored(&ignored, repo.raw(), check.c_str()) == 0 && ignored) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink()) {
      files.push_back({rel, "", "", SourceFile::Kind::symlink});
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    SourceFile f;
    f.path = rel;
    f.content = buffer.str();
    f.blob_id = blob_id_of(f.content);
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return files;
}

/// True when a file that could not be parsed still says `draft: true`.
bool front_matter_says_draft(std::string_view text) {
  size_t end = text.find("\n---", 3);
  std::string_view head = text.substr(0, end == std::string_view::npos ? std::min<size_t>(text.size(), 4096) : end);
  size_t pos = head.find("\ndraft:");
  if (pos == std::string_view::npos) return false;
  std::string_view value = trim(head.substr(pos + 7, head.find('\n', pos + 1) - pos - 7));
  return value == "true" || value == "yes";
}

/// herald's version and which build of it this is (the executable's and the
/// PDF module's sizes and times: the module draws the PDFs the cache keeps):
/// a cache written by another build of herald is not used.
std::string herald_identity() {
  auto file = [](const std::string& path) -> std::string {
    struct stat st;
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return "none";
    return fmt::format("{} {}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  };
  return fmt::format("herald {} {} pdf {}", HERALD_VERSION, file("/proc/self/exe"), file(pdf_module_path()));
}

/// The build cache's folder: .herald-cache/ at the root of the working tree
/// (in the git folder for a bare repository), never inside the output.
std::string cache_dir(const Repository& repo) {
  std::string root = repo.workdir();
  return root.empty() ? std::string(git_repository_path(repo.raw())) + "herald-cache" : root + ".herald-cache";
}

/// The output folder, resolved: --out, else public/ at the root of the
/// working tree (in the current folder for a bare repository).
std::string output_folder(const BuildOptions& options, const Repository& repo) {
  if (!options.out.empty()) return resolve_output_folder(options.out);
  std::string root = repo.workdir();
  return resolve_output_folder(root.empty() ? "public" : root + "public");
}

const SourceFile* find_file(const std::vector<SourceFile>& files, const std::string& path) {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const SourceFile& f, const std::string& p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

}  // namespace

void print_diagnostics(const Diagnostics& diags, FILE* err) {
  std::fputs(diags.format_all().c_str(), err);
  size_t errors = diags.count(Severity::error), warnings = diags.count(Severity::warning);
  if (errors || warnings)
    std::fprintf(err, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                 warnings == 1 ? "" : "s");
}

int exit_code(const BuildResult& result, const Diagnostics& diags) {
  if (result.status == BuildResult::Status::unusable) return 2;
  if (diags.has_errors()) return 1;
  return 0;
}

/// The blob ids of herald.yaml and the contacts: besides a page's own
/// source, what every page shows (Library::inputs).
std::string site_inputs(const std::vector<SourceFile>& files) {
  const SourceFile* config = find_file(files, "herald.yaml");
  const SourceFile* contacts = find_file(files, "data/contacts.yaml");
  return (config ? config->blob_id : "") + ' ' + (contacts ? contacts->blob_id : "");
}

/// What parsing depends on besides each file's bytes: the site's inputs and
/// --strict. The parse cache is kept for it.
std::string parse_inputs(const std::vector<SourceFile>& files, const BuildOptions& options) {
  return site_inputs(files) + (options.strict ? " strict" : "");
}

BuildResult run_pipeline(const BuildOptions& options, Diagnostics& diags) {
  BuildResult result;
  Stopwatch watch(result.timings);
  diags.set_strict(options.strict);
  auto unusable = [&](std::string why) {
    result.status = BuildResult::Status::unusable;
    result.fatal = std::move(why);
    return std::move(result);
  };

  // ---- Load -------------------------------------------------------------
  // The parse cache on disk (herald build and check): read by a thread of its
  // own while the rest of Load runs, on the other core. Declared first, so
  // that the thread is joined before what it fills goes.
  BuildCache disk_cache;
  std::optional<ParseCacheFolder> disk;
  std::jthread loading_parse_cache;
  // What the previous build into the output folder wrote, from what: a page
  // whose template and data are unchanged is not rendered again. Read by a
  // thread of its own while Parse and Assemble run.
  auto memo_made = std::make_shared<OutputMemo>();
  OutputMemo& memo = *memo_made;
  std::jthread loading_memo;
  LoadedSite site;
  // Diagnostics are printed after the build, quoting lines of the build's
  // files: when the build ends, the files go to the sink, not copied one by one.
  struct FilesToDiagnostics {
    LoadedSite& site;
    Diagnostics& diags;
    ~FilesToDiagnostics() {
      auto files = std::make_shared<const std::vector<SourceFile>>(std::move(site.files));
      // A file the build did not read (its page came from the build cache) is
      // read from git if a message quotes it.
      std::shared_ptr<const Repository> repo(std::move(site.repo));
      diags.set_source_lookup([files, repo](const std::string& path) -> std::optional<std::string> {
        const SourceFile* f = find_file(*files, path);
        if (!f) return std::nullopt;
        if (f->unread && repo) return repo->read_blob(f->blob_id);
        return f->content;
      });
    }
  } files_to_diagnostics{site, diags};
  // Writes the history for the next build, while this one goes on. Declared
  // after the site, so joined before the history it reads goes.
  std::jthread saving_history;
  // The build cache (.herald-cache/) is herald's executable's alone.
  const std::string identity = herald_identity();
  std::string error;
  site.repo = Repository::open(options.repo, &error);
  if (!site.repo) return unusable(error);
  // Where the site goes, and that it may go there, before anything is written.
  result.out_dir = output_folder(options, *site.repo);
  // The build cache keeps records and a spare site for each output folder, by
  // its path: builds into public/ and, say, with-drafts/ do not undo each other's.
  const uint64_t out_hash = XXH3_64bits(result.out_dir.data(), result.out_dir.size());
  const std::string out_record = fmt::format("{}/outputs-{:016x}", cache_dir(*site.repo), out_hash);
  if (options.write) {
    ProtectedPlaces places = protected_places(
        site.repo->workdir(), {git_repository_path(site.repo->raw()), git_repository_commondir(site.repo->raw())},
        cache_dir(*site.repo));
    places.earlier_record = out_record;
    std::string shown = options.out.empty() ? "public/" : options.out;
    if (std::string refusal = refuse_output_folder(shown, result.out_dir, places); !refusal.empty())
      return unusable(refusal);
  }
  if (options.worktree) {
    if (site.repo->workdir().empty()) return unusable("a bare repository has no working tree to preview");
    site.files = read_worktree(*site.repo);
    site.commit = site.repo->resolve("HEAD", &error);  // may be unborn
  } else {
    site.commit = site.repo->resolve(options.ref, &error);
    if (!site.commit) return unusable(error);
    // What a build reads besides the pages' Markdown: the settings, the
    // contacts, a theme, static files and bundles' files. A page's Markdown is
    // read only if it is parsed again (see Parse): on a rebuild most come from
    // the build cache. Anything else in the repository (a README, say) is
    // only listed; a message that quotes such a file reads it then.
    site.files = site.repo->list_tree(site.commit->id);
    if (!options.cache) {
      // Its stamp names herald, herald.yaml and the contacts, as in Parse.
      disk.emplace(cache_dir(*site.repo), identity + "\n" + parse_inputs(site.files, options));
      loading_parse_cache = std::jthread([&disk, &disk_cache] { disk->load(disk_cache); });
    }
    std::vector<SourceFile*> needed;
    for (SourceFile& f : site.files) {
      bool markdown = starts_with(f.path, "content/") && ends_with(f.path, ".md");
      bool used = f.path == "herald.yaml" || starts_with(f.path, "data/") || starts_with(f.path, "themes/") ||
                  starts_with(f.path, "static/") || starts_with(f.path, "content/");
      if (used && !markdown) needed.push_back(&f);
    }
    site.repo->read_contents(needed);
  }
  if (site.commit) {
    // The history the last build walked: only commits added on top of it are diffed.
    const std::vector<std::string> prefixes = {"content/procedures/"};
    const std::string history_file = cache_dir(*site.repo) + "/history", history_magic = "herald-history 2";
    std::optional<History> known;
    if (auto text = read_checked_file(history_file, history_magic, identity)) known = History::parse(*text);
    std::optional<std::string> known_head;
    if (known) known_head = known->head_id();
    site.history = known ? History::walk(*site.repo, site.commit->id, prefixes, std::move(*known))
                         : History::walk(*site.repo, site.commit->id, prefixes);
    if (known_head != site.history->head_id()) {
      std::error_code ec;
      fs::create_directories(cache_dir(*site.repo), ec);
      // Nothing changes the history from here on.
      saving_history = std::jthread([&history = *site.history, history_file, history_magic, identity] {
        std::string why;
        write_checked_file(history_file, history_magic, identity, history.serialize(), &why);  // only a cache
      });
    }
  }

  int64_t now = static_cast<int64_t>(std::time(nullptr));
  Config config;
  const SourceFile* config_file = find_file(site.files, "herald.yaml");
  if (!config_file) {
    diags.error({"herald.yaml", 0, 0},
                options.worktree ? "the site has no herald.yaml at its root"
                                 : fmt::format("the site has no herald.yaml at its root in {}", options.ref));
    result.status = BuildResult::Status::content_errors;
    return result;
  }
  auto parsed_config = parse_config(config_file->content, "herald.yaml", diags);
  if (!parsed_config) {
    result.status = BuildResult::Status::content_errors;
    return result;
  }
  config = *parsed_config;
  // The build cache holds a copy of the sites built (drafts too, with --drafts): it must
  // never be committed. A note, not a warning, so that --strict still builds.
  if (!options.worktree && !site.repo->workdir().empty()) {
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, site.repo->raw(), ".herald-cache/") == 0 && !ignored)
      diags.report(Severity::note, {".gitignore", 0, 0},
                   "the build cache .herald-cache/ is not ignored by git: add the line /.herald-cache/ to "
                   ".gitignore, so that it (with its copy of the site) is never committed");
  }
  // A shallow clone (a CI checkout's default) has only its newest commits: every
  // page would seem first published and last changed in them.
  if (site.commit && git_repository_is_shallow(site.repo->raw()) == 1)
    diags.warning({site.repo->workdir().empty() ? "shallow" : ".git/shallow", 0, 0},
                  "the repository is a shallow clone, so each page's dates (\"First published\", \"Last "
                  "updated\") and the procedures' changes come only from the commits it has: clone its whole "
                  "history (with actions/checkout, `fetch-depth: 0`)");
  if (!options.now.empty()) {
    std::string why;
    auto fixed = parse_datetime(options.now, config.zone(), &why);
    if (!fixed) return unusable("--now: " + why);
    now = fixed->utc_seconds;
  }
  Theme theme = Theme::load(config.theme, site.files, diags, config.theme_at);
  std::string memo_stamp, spare_dir;
  if (options.write) {
    memo_stamp = fmt::format("{}\ntheme {}\nout {}", identity, theme.fingerprint(), result.out_dir);
    spare_dir = fmt::format("{}/spare-{:016x}", cache_dir(*site.repo), out_hash);
    loading_memo = std::jthread([&memo, out_record, memo_stamp] { memo.load(out_record, memo_stamp); });
  }
  watch.lap("load");

  // ---- Parse ------------------------------------------------------------
  auto library = std::make_unique<Library>();
  Library& lib = *library;
  lib.config = config;
  lib.now = now;
  lib.preview = options.worktree;
  const SourceFile* contacts_file = find_file(site.files, "data/contacts.yaml");
  lib.inputs = site_inputs(site.files);
  const std::string parse_context = parse_inputs(site.files, options);
  if (site.commit) {
    lib.commit_id = site.commit->id;
    lib.commit_time = site.commit->time;
  }
  if (const SourceFile* contacts = contacts_file) {
    lib.contacts = std::make_shared<ContactDirectory>(
        ContactDirectory::parse(contacts->content, contacts->path, config.zone(), diags));
  } else {
    lib.contacts = std::make_shared<ContactDirectory>(
        ContactDirectory::parse("[]", "data/contacts.yaml", config.zone(), diags));
  }
  ShortcodeResolver resolver;
  const ContactDirectory* directory = lib.contacts.get();
  resolver.resolve = [directory](std::string_view name, std::string_view id,
                                 bool block) -> std::optional<std::string> {
    const Contact* c = directory->find(id);
    if (!c) return std::nullopt;
    if (name == "phone") {
      if (c->phones.empty()) return directory->contact_inline_html(*c);
      return directory->phone_html(*c);
    }
    return block ? directory->contact_card_html(*c) : directory->contact_inline_html(*c);
  };
  // With no directory to look in, shortcodes stay as text: the build stops at
  // the directory's own error, which an error for each shortcode would bury.
  if (!directory->readable()) resolver.resolve = nullptr;
  auto contact_ids = std::make_shared<std::vector<std::string>>();
  for (const Contact& c : directory->contacts()) contact_ids->push_back(c.id);
  resolver.nearest = [contact_ids](std::string_view id) { return closest_match(id, *contact_ids); };
  RetiredDetails retired(*lib.contacts);

  struct Job {
    SourceFile* file;
    ContentPath where;
  };
  std::vector<Job> jobs;
  jobs.reserve(site.files.size());
  for (SourceFile& f : site.files) {
    if (!starts_with(f.path, "content/")) continue;
    if (f.kind == SourceFile::Kind::symlink) {
      diags.warning({f.path, 0, 0}, "symbolic links are not published: replace it with the file itself");
      continue;
    }
    if (f.kind == SourceFile::Kind::submodule) {
      diags.warning({f.path, 0, 0}, "submodules are not published");
      continue;
    }
    if (!ends_with(f.path, ".md")) continue;
    std::string problem;
    auto where = classify_content_path(f.path, &problem);
    if (!where) {
      diags.error({f.path, 0, 0}, problem);
      continue;
    }
    jobs.push_back({&f, *where});
  }
  // Each file's page goes straight to its place in the library; the files
  // that gave none are taken out after.
  lib.pages.resize(jobs.size());
  std::vector<char> page_made(jobs.size(), 0);
  // With a cache (herald serve), a file parsed before with the same bytes,
  // herald.yaml and contact directory is taken from it instead.
  // `herald build` and `check` keep the same in .herald-cache/parse.
  BuildCache* cache = options.cache;
  std::jthread saving_parse_cache;  // declared after what it uses, so joined before they go
  if (!cache && !options.worktree) cache = &disk_cache;
  using CacheEntry = std::map<std::string, BuildCache::Parsed>::iterator;
  std::vector<std::optional<CacheEntry>> hits(jobs.size());
  std::vector<std::vector<Diagnostic>> reported(cache ? jobs.size() : 0);
  // What each file parsed again gave, for the cache (a pointer each: a
  // page is a kilobyte, and a warm build parses a few).
  std::vector<std::shared_ptr<Page>> fresh_pages(cache ? jobs.size() : 0);
  auto cache_key = [](const SourceFile& f) { return f.path + '\n' + f.blob_id; };
  if (cache) {
    const std::string& context = parse_context;
    if (cache == &disk_cache) {
      if (loading_parse_cache.joinable()) loading_parse_cache.join();
      disk_cache.context = context;
    }
    if (cache->context != context) cache->parsed.clear();
    cache->context = context;
    // The files come in the tree's order, which is the entries' order:
    // each is looked for from where the one before was, not from the top.
    auto& parsed = cache->parsed;
    auto at = parsed.begin();
    std::string key, before;
    for (size_t i = 0; i < jobs.size(); ++i) {
      key = cache_key(*jobs[i].file);
      if (key < before)
        at = parsed.lower_bound(key);  // out of order: looked for
      else
        while (at != parsed.end() && at->first < key) ++at;
      if (at != parsed.end() && at->first == key) hits[i] = at;
      std::swap(key, before);
    }
  }
  // A page from the cache on disk is decoded straight into its place, on
  // every core, and its entry stays encoded for the cache's next file; one
  // from the preview's cache in memory is copied, the entry kept for the next
  // build. An entry whose bytes turn out damaged is parsed again.
  parallel_for(jobs.size(), [&](size_t i) {
    if (!hits[i]) return;
    const BuildCache::Parsed& hit = (*hits[i])->second;
    bool made = hit.page != nullptr;
    if (hit.encoded.empty()) {
      if (made) lib.pages[i] = *hit.page;
      reported[i] = hit.diagnostics;
    } else if (!decode_entry(hit, lib.pages[i], made, reported[i])) {
      lib.pages[i] = Page();
      reported[i].clear();
      hits[i].reset();
      made = false;
    }
    page_made[i] = made;
  });
  if (cache)
    cache->reused = static_cast<size_t>(
        std::count_if(hits.begin(), hits.end(), [](const auto& hit) { return hit.has_value(); }));
  // The Markdown of each page parsed again, or whose messages quote it, or
  // that could not be parsed (is it a draft?).
  std::vector<SourceFile*> unread;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (!hits[i] || !page_made[i] || !reported[i].empty()) unread.push_back(jobs[i].file);
  site.repo->read_contents(unread);
  // Chapters parsed here give the releases what they need of them (Assemble
  // would otherwise read and parse every chapter of the site again).
  auto chapters_made = std::make_shared<ChapterMemo>();
  ChapterMemo& chapters = *chapters_made;
  std::string chapters_file = cache_dir(*site.repo) + "/chapters";
  if (!options.worktree) chapters.load(chapters_file, identity);
  std::vector<std::unique_ptr<ChapterFacts>> facts(jobs.size());  // of the chapters parsed again
  ParseContext context{&lib.config, &resolver};
  parallel_for(jobs.size(), [&](size_t i) {
    // Each file reports into its own sink first: problems in a draft that
    // this build does not publish must not stop the rest of the site.
    Diagnostics local;
    local.set_strict(options.strict);
    bool made = false, draft = false;
    if (hits[i]) {
      made = page_made[i];
      if (made) draft = lib.pages[i].draft;
      for (const Diagnostic& d : reported[i]) local.report(d.severity, d.where, d.message);
    } else {
      std::optional<Page> fresh = parse_page(jobs[i].file->path, jobs[i].file->content, jobs[i].where, context,
                                             local,
                                             jobs[i].where.kind == Kind::chapter
                                                 ? (facts[i] = std::make_unique<ChapterFacts>()).get()
                                                 : nullptr);
      made = fresh.has_value();
      if (made) {
        fresh->source_blob = jobs[i].file->blob_id;
        draft = fresh->draft;
      }
      if (!retired.empty()) retired.scan(jobs[i].file->content, jobs[i].file->path, local);
      if (cache) {  // which keeps a copy
        reported[i] = local.sorted();
        if (made) {
          lib.pages[i] = *fresh;
          fresh_pages[i] = std::make_shared<Page>(std::move(*fresh));
        }
      } else if (made) {
        lib.pages[i] = std::move(*fresh);
      }
    }
    page_made[i] = made;
    if (!made) draft = front_matter_says_draft(jobs[i].file->content);
    local.forward(diags, draft && !options.drafts, " (in a draft, so it does not stop the build)");
  });
  if (cache) {
    // Keep exactly the files of this build, so deleted files do not linger.
    // The entries used are moved over whole, not copied.
    std::map<std::string, BuildCache::Parsed> next;
    for (size_t i = 0; i < jobs.size(); ++i) {
      // In the entries' order, so each goes at the end.
      if (hits[i]) {
        next.insert(next.end(), cache->parsed.extract(*hits[i]));
      } else {
        BuildCache::Parsed& entry = next.try_emplace(next.end(), cache_key(*jobs[i].file))->second;
        entry.page = std::move(fresh_pages[i]);
        entry.diagnostics = std::move(reported[i]);
      }
    }
    cache->parsed = std::move(next);
    result.sources_reused = cache->reused;
    if (disk) {
      std::vector<std::string> fresh;
      for (size_t i = 0; i < jobs.size(); ++i)
        if (!hits[i]) fresh.push_back(cache_key(*jobs[i].file));
      // Written while Assemble runs on one core (the other is idle); nothing
      // touches disk_cache again, and the thread is joined when the build
      // returns. The pages have their own copies, so the cache then goes.
      saving_parse_cache = std::jthread([&disk, &disk_cache, fresh = std::move(fresh)] {
        disk->save(disk_cache, fresh);
        disk_cache.parsed.clear();
      });
    }
  }
  for (size_t i = 0; i < jobs.size(); ++i)
    if (facts[i] && facts[i]->readable) chapters.offer(jobs[i].file->blob_id, std::move(*facts[i]));
  size_t kept = 0;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (page_made[i]) {
      if (kept != i) lib.pages[kept] = std::move(lib.pages[i]);
      ++kept;
    }
  lib.pages.erase(lib.pages.begin() + static_cast<std::ptrdiff_t>(kept), lib.pages.end());
  watch.lap("parse");

  // ---- Assemble -----------------------------------------------------------
  for (Page& page : lib.pages) {
    if (site.history) {
      if (const FileDates* d = site.history->dates(page.source_path)) {
        page.first_commit = d->first;
        page.last_commit = d->last;
      }
    }
    if (page.first_commit == 0) page.first_commit = lib.commit_time ? lib.commit_time : now;
    if (page.last_commit == 0) page.last_commit = page.first_commit;
    decide_publication(page, now, options.drafts);
  }
  // The releases are worked out on the other core while Assemble runs on
  // this one: neither uses what the other makes.
  std::vector<Release> releases;
  std::exception_ptr releases_failed;
  std::jthread releasing;
  if (site.commit && site.history) {
    releasing = std::jthread([&] {
      try {
        releases = compute_releases(*site.repo, *site.history, site.commit->id, config, {now, options.drafts},
                                    diags, &chapters);
        if (!options.worktree) {
          std::error_code ec;
          std::string why;
          fs::create_directories(cache_dir(*site.repo), ec);
          chapters.save(chapters_file, identity, &why);  // failing costs the next build time only
        }
      } catch (...) {
        releases_failed = std::current_exception();
      }
    });
  }
  AssembleInput input{&site.files};
  assemble(lib, input, diags);
  if (releasing.joinable()) releasing.join();
  if (releases_failed) std::rethrow_exception(releases_failed);
  lib.releases = std::move(releases);
  // A page from the build cache has no Markdown tree: a PDF that cannot be
  // reused is drawn from the tree parsed again, exactly as the first time.
  std::mutex reading_git;  // libgit2's objects are for one thread at a time
  lib.parse_tree = [&](const Page& page) -> std::shared_ptr<Document> {
    const SourceFile* f = find_file(site.files, page.source_path);
    std::string problem;
    auto where = f ? classify_content_path(f->path, &problem) : std::nullopt;
    if (!where || f->blob_id != page.source_blob) return nullptr;
    std::optional<std::string> text = f->content;
    if (f->unread) {
      std::lock_guard lock(reading_git);
      text = site.repo->read_blob(f->blob_id);
    }
    Diagnostics quiet;  // reported when it was parsed
    auto again = text ? parse_page(f->path, *text, *where, context, quiet) : std::nullopt;
    return again ? again->doc : nullptr;
  };
  watch.lap("assemble");

  // ---- Render -------------------------------------------------------------
  Renderer renderer(theme, diags);
  OutputSet out;
  // A build writes each file into the temporary folder as it is rendered, so
  // the rendered site is never all in memory; an error anywhere abandons the
  // folder and the previous site stays.
  StagedSite staged;
  auto tasks_made = std::make_shared<std::vector<RenderTask>>();
  std::vector<RenderTask>& tasks = *tasks_made;
  OutputMemo::Lines memo_lines;
  std::jthread making_memo_lines;
  if (loading_memo.joinable()) loading_memo.join();
  if (!diags.has_errors()) {
    if (options.write) {
      // The site the last build replaced is kept in the cache; when the
      // records say what is in it, this build starts from it, and writes
      // only what changed since.
      SpareSite spare{spare_dir, memo.has_spare()};
      std::string why;
      if (!staged.open(result.out_dir, &why, spare)) {
        diags.error({}, why);
        result.status = BuildResult::Status::content_errors;
        return result;
      }
      out.stream_to(&staged);
      out.remember_in(&memo);
      out.reserve(memo.previous_count());
    }
    // The long tasks (the PDFs, the sitemap, the feeds) first, and the many
    // short ones after them: both cores stay busy to the end.
    add_extra_tasks(lib, renderer, out, diags, tasks);
    add_html_tasks(lib, renderer, theme, out, diags, tasks);
    run_tasks(tasks);
    // The records' lines are made on the other core while this one publishes
    // the site; they are saved once it is in place.
    if (options.write) making_memo_lines = std::jthread([&memo, &memo_lines] { memo_lines = memo.lines(); });
  }
  lib.parse_tree = nullptr;  // it refers to this build's files
  result.files = out.take_sorted(diags);
  if (std::string failed = out.write_error(); !failed.empty()) diags.error({}, failed);
  result.pages_rendered = result.files.size();
  result.files_reused = out.reused();
  watch.lap("render");

  // ---- Write --------------------------------------------------------------
  result.library = std::move(library);
  // The search index is made by Pagefind from the written pages; without it
  // the site still builds and /search/ offers the browsing pages.
  bool search_disabled = false;
  std::optional<std::string> pagefind = find_pagefind(site.repo->workdir(), &search_disabled);
  if (!pagefind && !search_disabled && !options.worktree) {  // the preview has no search index anyway
    diags.warning({"herald.yaml", 1, 1},
                  "search index not built: Pagefind was not found (run `npm ci` in herald's folder, or set "
                  "HERALD_PAGEFIND to its path, or to `none` to build without search)");
  }
  if (diags.has_errors()) {
    result.status = BuildResult::Status::content_errors;
    return result;
  }
  if (options.write) {
    std::string why;
    // A site whose search fails is not published: the previous one stays.
    auto index = [&](const std::string& dir, std::string* failure) {
      if (!pagefind || run_pagefind(*pagefind, dir, pagefind_time_limit(), failure)) return true;
      *failure = "search index not built, so nothing was published: " + *failure;
      return false;
    };
    staged.remove_others(memo.spare_paths(), result.files);
    // The records go while the folders change places, and are saved once the
    // site is in place, so that they never describe folders they are not of:
    // a build killed in between finds none, and renders every page.
    ::unlink(out_record.c_str());
    std::error_code ec;
    fs::create_directories(cache_dir(*site.repo), ec);  // for the spare
    if (!staged.publish(index, &why)) {
      diags.error({}, why);
      result.status = BuildResult::Status::content_errors;
      return result;
    }
    // A cache that cannot be written costs the next build time, nothing else.
    if (making_memo_lines.joinable()) making_memo_lines.join();
    OutputMemo::save(out_record, memo_stamp, memo_lines, staged.kept_spare(), &why);
  }
  watch.lap("write");
  // What only the end of the process needs to free goes with the result
  // (moved, not copied): `build` leaves it for the system to reclaim.
  if (saving_history.joinable()) saving_history.join();
  auto leave = [&result](auto&& made) {
    using T = std::decay_t<decltype(made)>;
    result.leftovers.push_back(std::make_shared<T>(std::forward<decltype(made)>(made)));
  };
  leave(std::move(site.history));
  leave(std::move(jobs));
  leave(std::move(facts));
  result.leftovers.push_back(std::move(memo_made));
  result.leftovers.push_back(std::move(chapters_made));
  result.leftovers.push_back(std::move(tasks_made));
  return result;
}

}  // namespace herald
