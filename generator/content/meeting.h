// Boards and their meetings (§12): the front matter of a board and of a meeting, read and checked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/datetime.h"
#include "core/diagnostic.h"

namespace herald {

class FrontMatter;
class TimeZone;

/// A member of a board, as its _index.md lists them.
struct BoardMember {
  std::string name, role;
};

/// Who came: each a list of names as written.
struct MeetingAttendance {
  std::vector<std::string> present, apologies, absent, in_attendance;
};

/// A member's declaration of an interest in an item.
struct MeetingDeclaration {
  std::string name, interest;
  int item = 0;  ///< 0: none given
};

/// A paper of the meeting. `file` is as written; Assemble finds it and sets
/// `url`, `bytes` and `type`.
struct MeetingPaper {
  std::string title, file;
  int item = 0;
  SourceLocation at;  ///< where `file` is written
  std::string url;    ///< site path of the published file
  int64_t bytes = 0;
  std::string type;   ///< "PDF", "Word document"…
};

/// An action as one meeting lists it: defined there (with `action`), or an
/// earlier action's new status (only `id`, `status` and a `note`).
struct MeetingAction {
  std::string id, action, owner, status, note;
  std::optional<DateTime> due;
  int item = 0;
  bool update = false;  ///< gives only a new status of an action defined earlier
  SourceLocation at;    ///< where the entry starts
  SourceLocation due_at;
};

/// A `> [!DECISION]` of the body, as plain text, and the item it is under.
struct MeetingDecision {
  int item = 0;
  std::string text;
};

/// An agenda item: a `##` heading of the body, numbered as written.
struct AgendaItem {
  int number = 0;  ///< 0 for a heading with no number
  std::string title, anchor;
  bool restricted = false;
};

/// What a board's _index.md (members) or a meeting's file gives besides
/// the fields of every page.
struct Meeting {
  std::string board;  ///< the board's slug (its folder)
  // A board's _index.md.
  std::vector<BoardMember> members;
  // A meeting.
  std::optional<DateTime> start, end;
  bool online = false;
  std::string status;  ///< as written and checked, or "" for the default (by the clock)
  std::string chair;
  MeetingAttendance attendance;
  std::vector<MeetingDeclaration> declarations;
  std::vector<MeetingPaper> papers;
  std::vector<int> restricted;
  std::vector<MeetingAction> actions;
  std::vector<MeetingDecision> decisions;
  std::vector<AgendaItem> items;

  bool is_restricted(int item) const;
};

/// The meeting statuses, in the contract's order.
const std::vector<std::string>& meeting_statuses();
/// The action statuses: open, in-progress, done, dropped.
const std::vector<std::string>& action_statuses();

/// The status a meeting has at `now`: as written, else `scheduled` before
/// its start and `held` from then on.
std::string meeting_status(const Meeting& meeting, int64_t now);

/// The written status `text` as one of `allowed` (any case, spaces or
/// underscores for hyphens), or nullopt. `suggestion` is then the status it
/// probably means ("Completed" -> "done"), or "".
std::optional<std::string> read_status(std::string_view text, const std::vector<std::string>& allowed,
                                       std::string* suggestion);

/// Is `slug` a meeting's date, yyyy-mm-dd (a real date)?
bool is_meeting_date_slug(std::string_view slug);

/// Reads a board's fields (members) from its _index.md's front matter.
/// Returns false when one is wrong (each reported).
bool read_board(const FrontMatter& fm, Meeting& board, Diagnostics& diags);

/// Reads a meeting's fields from its front matter (dates in `zone`).
/// Returns false when one is wrong (each reported).
bool read_meeting(const FrontMatter& fm, const TimeZone& zone, Meeting& meeting, Diagnostics& diags);

/// The front-matter fields a board (`meeting` false) or a meeting accepts
/// besides those of every page.
std::vector<std::string> meeting_fields(bool meeting);

}  // namespace herald
