#pragma once
#include <functional>
#include <string>

namespace jb {
class Sink;
struct ReadContext;
namespace har {
struct Entry;
}
}  // namespace jb

// Reads a HAR of Dnevnik v2 API traffic in two streaming passes over its entries: the first
// collects the directory (schools, groups, people, periods, lessons, works), the second turns
// marks, attendance and final marks into records, so the entries may come in any order.
namespace jb::dnevnik {

// Calls its argument once per HAR entry, in file order; called twice by read_capture.
using EntryStream = std::function<void(const std::function<void(const har::Entry&)>&)>;

void read_capture(const std::string& name, const EntryStream& entries, const ReadContext& context, Sink& sink);

void read_har_file(const std::string& path, const ReadContext& context, Sink& sink);
void read_har_text(const std::string& text, const std::string& name, const ReadContext& context, Sink& sink);

}  // namespace jb::dnevnik
