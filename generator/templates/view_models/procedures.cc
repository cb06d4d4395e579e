// Procedures: a chapter's page (its manual, neighbours and history), the manuals, the releases' changes; their keys.
#include "markdown/document.h"
#include "templates/view_model.h"
#include "templates/view_models/shared.h"
#include "templates/words.h"

namespace herald {
using namespace view_models;

std::pair<const Page*, const Page*> ViewModel::neighbours(const Page& chapter) const {
  auto it = neighbours_.find(&chapter);
  return it == neighbours_.end() ? std::pair<const Page*, const Page*>{} : it->second;
}

void ViewModel::chapter_data(const Page& p, const std::string& root, TemplateData& pg) const {
  const Manual* m = lib_.find_manual(p.manual);
  if (m && m->index) {
    put(pg, "manual_title", opt(m->index->title));
    put(pg, "manual_url", root + m->index->url.substr(1));
  }
  put(pg, "owner", opt(p.owner));
  put(pg, "reviewed", date_data(p.reviewed));
  put(pg, "review_due", date_data(p.review_due));
  put(pg, "overdue", data(p.review_due && p.review_due->utc_seconds < lib_.now));
  put(pg, "amendment", opt(p.amendment));
  put(pg, "reread", data(p.reread));
  // The chapter's own history: every release that touched it.
  list history;
  if (auto found = mentions_.find(p.manual + '/' + p.slug); found != mentions_.end()) {
    history.reserve(found->second.size());
    for (const Mention& m : found->second) {
      const Release& r = *m.release;
      const ChapterChange& c = *m.change;
      data h;
      put(h, "release", display_name(r));
      put(h, "date", date_data(r.date));
      put(h, "what", tr(m.what));
      put(h, "amendment", opt(c.type == ChapterChange::Type::moved ? word("moved_from_path", {{"path", c.old_path}}) : c.amendment));
      put(h, "url", root + "procedures/changes/#" + r.id);
      history.push_back(std::move(h));
    }
  }
  put(pg, "history", std::move(history));
  auto [previous, next] = neighbours(p);
  if (previous) put(pg, "previous", card(*previous, root));
  if (next) put(pg, "next", card(*next, root));
}

void ViewModel::add_chapter_key(KeyInput& in, const Page& p) const {
  const Manual* m = lib_.find_manual(p.manual);
  in.flag(m && m->index);
  if (m && m->index) {
    in.text(m->index->title);
    in.text(m->index->url);
  }
  auto [previous, next] = neighbours(p);
  in.flag(previous);
  if (previous) add_page(in, *previous);
  in.flag(next);
  if (next) add_page(in, *next);
  if (auto found = mentions_.find(p.manual + '/' + p.slug); found != mentions_.end()) {
    for (const Mention& mention : found->second) {
      const Release& r = *mention.release;
      const ChapterChange& c = *mention.change;
      in.text(r.name);
      in.text(r.id);
      add_date(in, r.date);
      in.text(mention.what);
      in.number(static_cast<int>(c.type));
      in.text(c.old_path);
      in.text(c.amendment);
    }
  }
}

TemplateData ViewModel::procedures() const {
  data d = base("/procedures/", tr("Procedures"));
  std::string root = root_from("/procedures/");
  auto it = lib_.section_intros.find("procedures");
  if (it != lib_.section_intros.end() && it->second->doc) put(d, "intro", opt(it->second->doc->html()));
  list manuals;
  for (const auto& m : lib_.manuals) {
    data item = card(*m.index, root);
    put(item, "chapter_count", std::to_string(m.chapters.size()));
    manuals.push_back(std::move(item));
  }
  put(d, "manuals", std::move(manuals));
  if (!lib_.releases.empty()) put(d, "latest_release", release(lib_.releases.front(), root));
  return d;
}

TemplateData ViewModel::manual(const Manual& m) const {
  data d = page(*m.index);
  std::string root = root_from(m.index->url);
  list chapters;
  chapters.reserve(m.chapters.size());
  for (const Page* c : m.chapters) {
    data item = card(*c, root);
    put(item, "owner", opt(c->owner));
    put(item, "overdue", data(c->review_due && c->review_due->utc_seconds < lib_.now));
    put(item, "last_updated", date_from_git(c->last_commit, lib_.config.zone()));
    chapters.push_back(std::move(item));
  }
  put(d, "chapters", std::move(chapters));
  return d;
}

Hash128 ViewModel::manual_key(const Manual& m) const {
  KeyInput in("manual-key 1");
  in.key(page_key(*m.index, "manual"));
  for (const Page* c : m.chapters) {
    in.key(card_key(*c));
    in.text(c->owner);
    in.flag(c->review_due && c->review_due->utc_seconds < lib_.now);
    in.number(c->last_commit);
  }
  return in.hash();
}

const Page* ViewModel::live_chapter(const ChapterChange& c) const {
  if (c.type == ChapterChange::Type::removed) return nullptr;
  return lib_.find_page("/procedures/" + c.manual + "/" + c.slug + "/");
}

std::string ViewModel::manual_title(const ChapterChange& c) const {
  const Manual* m = lib_.find_manual(c.manual);
  return m && m->index ? m->index->title : c.manual;
}

TemplateData ViewModel::release(const Release& r, const std::string& root) const {
  data d;
  put(d, "name", display_name(r));
  put(d, "id", r.id);
  put(d, "date", date_data(r.date));
  put(d, "from_tag", data(r.from_tag));
  auto changes = [&](const std::vector<ChapterChange>& v) {
    list out;
    out.reserve(v.size());
    for (const auto& c : v) {
      data item;
      put(item, "title", c.title.empty() ? c.slug : c.title);
      const Page* live = live_chapter(c);
      put(item, "url", live ? data(root + live->url.substr(1)) : data(false));
      put(item, "manual", manual_title(c));
      put(item, "amendment", opt(c.amendment));
      put(item, "reread", data(c.reread));
      put(item, "moved", data(c.type == ChapterChange::Type::moved));
      put(item, "old_path", opt(c.old_path));
      out.push_back(std::move(item));
    }
    return out;
  };
  put(d, "added", changes(r.added));
  put(d, "updated", changes(r.updated));
  put(d, "removed", changes(r.removed));
  put(d, "has_added", data(!r.added.empty()));
  put(d, "has_updated", data(!r.updated.empty()));
  put(d, "has_removed", data(!r.removed.empty()));
  return d;
}

void ViewModel::add_release(KeyInput& in, const Release& r) const {
  in.text(r.name);
  in.text(r.id);
  in.flag(r.from_tag);
  add_date(in, r.date);
  for (const std::vector<ChapterChange>* changes : {&r.added, &r.updated, &r.removed}) {
    in.number(static_cast<int64_t>(changes->size()));
    for (const ChapterChange& c : *changes) {
      in.text(c.title.empty() ? c.slug : c.title);
      const Page* live = live_chapter(c);
      in.flag(live);
      if (live) in.text(live->url);
      in.text(manual_title(c));
      in.text(c.amendment);
      in.flag(c.reread);
      in.flag(c.type == ChapterChange::Type::moved);
      in.text(c.old_path);
    }
  }
}

Hash128 ViewModel::procedures_key() const {
  KeyInput in = list_key_input("procedures-key 1", "procedures");
  for (const Manual& m : lib_.manuals) {
    in.key(card_key(*m.index));
    in.number(static_cast<int64_t>(m.chapters.size()));
  }
  in.flag(!lib_.releases.empty());
  if (!lib_.releases.empty()) add_release(in, lib_.releases.front());
  return in.hash();
}

Hash128 ViewModel::changes_key() const {
  KeyInput in = list_key_input("changes-key 1", "");
  in.number(static_cast<int64_t>(lib_.releases.size()));
  for (const Release& r : lib_.releases) add_release(in, r);
  return in.hash();
}

TemplateData ViewModel::changes() const {
  data d = base("/procedures/changes/", tr("Changes to the procedures"));
  std::string root = root_from("/procedures/changes/");
  list releases;
  releases.reserve(lib_.releases.size());
  for (const auto& r : lib_.releases) releases.push_back(release(r, root));
  put(d, "releases", std::move(releases));
  put(d, "empty", data(lib_.releases.empty()));
  put(d, "by_month", data(!lib_.releases.empty() && !lib_.releases.front().from_tag));
  return d;
}

}  // namespace herald
