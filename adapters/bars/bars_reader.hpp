#pragma once
#include <functional>
#include <string>

#include "core/adapter.hpp"
#include "core/har.hpp"

namespace jb::bars {

// Calls its argument once per HAR entry, in file order (har::read_entries over a file, or
// har::read_entries_from_text in tests and the fuzzer). read_capture walks the capture twice.
using EntryWalk = std::function<void(const std::function<void(const har::Entry&)>&)>;

// Reads a БАРС capture into the sink; throws jb::Error naming `name` and the entry for input it
// cannot read. Responses without data (fault bodies, HTML login pages) are skipped and reported
// through context.unknowns; a capture with no data at all is an error.
void read_capture(const EntryWalk& walk, const std::string& name, const ReadContext& context, Sink& sink);

}  // namespace jb::bars
