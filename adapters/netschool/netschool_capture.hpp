#pragma once
#include <functional>
#include <string>

#include "core/har.hpp"

namespace jb {
class Sink;
struct ReadContext;
}  // namespace jb

// Reading a NetSchool capture: a HAR (journal, diary, assignment details, report files) in two
// streaming passes, or a saved report page completed by the HARs of the same import.
namespace jb::netschool {

using EntryWalker = std::function<void(const std::function<void(const har::Entry&)>&)>;

// `walk` streams the capture's entries (twice); `name` is the file named in messages.
void read_capture(const EntryWalker& walk, const std::string& name, const ReadContext& context, Sink& sink);
void read_capture_file(const std::string& path, const ReadContext& context, Sink& sink);

// A saved report page; `bytes` is its content. HAR files among context.inputs supply the school,
// the lessons the report's days belong to and the pupils' full names.
void read_report_page(std::string_view bytes, const std::string& name, const ReadContext& context, Sink& sink);
void read_report_file(const std::string& path, const ReadContext& context, Sink& sink);

}  // namespace jb::netschool
