#pragma once
#include <string>
#include <string_view>
#include <vector>

// Text tests of the topic and name rules (UTF-8 aware; Cyrillic incl. Ё and Tatar letters).
namespace jb::validate {

bool has_cyrillic_letter(std::string_view text);
bool has_non_cyrillic_letter(std::string_view text);  // Latin or any other alphabet

// Lower case, digits, «№» and punctuation dropped, single spaces: «Контрольная работа № 2.» →
// «контрольная работа»; what the generic-topic list is matched against.
std::string topic_key(std::string_view topic);

// Abbreviated words of a topic: words of `abbreviations` (lower case, with their dot) and, when
// `pattern` is set, any word of two or more letters with a dot followed by a lower-case word
// («Реш. задач»). Words of `allowed` («т.д.», «стр.») never count. Results are as written.
std::vector<std::string> abbreviated_words(std::string_view topic, const std::vector<std::string>& abbreviations,
                                           const std::vector<std::string>& allowed, bool pattern);

// «И.», «И», «И.И.»: an initial or initials rather than a name.
bool is_initials(std::string_view part);
// A person's name written with initials or without a first name («Иванов И.И.», «Иванова А.»).
bool name_is_abbreviated(std::string_view last, std::string_view first, std::string_view middle);

}  // namespace jb::validate
