"""A spam filter written as rules, against one that learns from labelled messages."""

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import accuracy_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline

# Labelled examples: 1 = spam, 0 = a normal message ("ham").
train = [
    ("WINNER! You have been selected for a free cruise", 1),
    ("Claim your cash prize now, reply YES", 1),
    ("Free entry to win a brand new phone", 1),
    ("Urgent: your account will be closed, verify your password here", 1),
    ("Congratulations, you won a gift card, claim it today", 1),
    ("Cheap loans approved instantly, no credit check", 1),
    ("You are a lucky winner, send your bank details to claim", 1),
    ("Limited offer: cash reward waiting, click the link", 1),
    ("Exclusive deal just for you, buy now and save 90%", 1),
    ("Your parcel is held, pay the fee at this link", 1),
    ("Are we still on for lunch tomorrow?", 0),
    ("Here are the notes from today's meeting", 0),
    ("Can you send me the report before Friday?", 0),
    ("Happy birthday! Hope you have a great day", 0),
    ("The train is late, I will be there at seven", 0),
    ("Thanks for the photos from the weekend", 0),
    ("Mum says dinner is at six, bring bread", 0),
    ("I pushed the fix, can you review the code?", 0),
    ("Your order has shipped and arrives on Monday", 0),
    ("Let's book the tennis court for Saturday morning", 0),
]
# New messages that neither filter has seen.
test = [
    ("Claim your reward today, click the link", 1),
    ("Lucky draw: you won cash, reply with your bank details", 1),
    ("FREE tickets for the first 100 callers!", 1),
    ("Verify your password or your account will be closed", 1),
    ("Are you free for lunch on Friday?", 0),
    ("The meeting notes are in the shared folder", 0),
    ("Can you bring the photos to dinner?", 0),
    ("Your code review is done, thanks for the fix", 0),
]
train_texts = [text for text, label in train]
train_labels = [label for text, label in train]
test_texts = [text for text, label in test]
test_labels = [label for text, label in test]


def rule_based_filter(message: str) -> int:
    """Rules a person wrote after looking at some spam."""
    words = message.lower()
    return int("free" in words or "winner" in words or "!" in words)


learned_filter = make_pipeline(CountVectorizer(), MultinomialNB())
learned_filter.fit(train_texts, train_labels)  # learn word frequencies of spam and ham

rule_says = [rule_based_filter(text) for text in test_texts]
model_says = learned_filter.predict(test_texts).tolist()

print(f"{'message':<56} true rule learned")
for text, truth, rule, model in zip(test_texts, test_labels, rule_says, model_says, strict=True):
    print(f"{text:<56} {truth:>4} {rule:>4} {model:>7}")
rule_accuracy = accuracy_score(test_labels, rule_says)
model_accuracy = accuracy_score(test_labels, model_says)
print(f"Accuracy on new messages: rules {rule_accuracy:.2f}, learned {model_accuracy:.2f}")

# What did the model learn? The words whose presence most favours "spam".
vectorizer, bayes = learned_filter.named_steps.values()
spamminess = bayes.feature_log_prob_[1] - bayes.feature_log_prob_[0]
top = spamminess.argsort()[::-1][:8]
print("Most spam-like words:", ", ".join(vectorizer.get_feature_names_out()[top]))
