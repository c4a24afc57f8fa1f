#pragma once
#include "adapters/edutatar/journal.hpp"
#include "core/adapter.hpp"

namespace jb {
class Sink;
}

namespace jb::edutatar {

// Writes one pupil's journal: dates completed from the school year, lessons seen on several pages
// merged, the табель's undated marks kept only where no dated page holds them.
void emit_journal(Journal& journal, const ReadContext& context, Sink& sink);

}  // namespace jb::edutatar
