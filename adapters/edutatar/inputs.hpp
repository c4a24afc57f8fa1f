#pragma once
#include <string>
#include <string_view>

#include "adapters/edutatar/journal.hpp"

namespace jb {
class UnknownValues;
}

namespace jb::edutatar {

// Reads one input — diary.xml, a saved page, a folder of them, or a HAR — into the journal.
void collect_input(const std::string& input, Journal& journal, UnknownValues* unknowns);

struct PageSource;
// One page or diary.xml in memory. strict: the file was named on the command line, so a page of
// another kind is an error; inside a folder or a HAR it is skipped and reported. A sign-in page or
// «Restricted IP» is always an error.
void read_document(std::string_view bytes, const PageSource& source, bool strict, Journal& journal,
                   UnknownValues* unknowns);

// Whether the first bytes of a file look like an ЭО РТ page, diary.xml or HAR.
bool looks_like_edutatar(std::string_view head);

}  // namespace jb::edutatar
