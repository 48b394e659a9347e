"""Spam filter: naive Bayes on a tiny corpus written inline."""

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline

messages = [
    ("Win a free prize now, click here", "spam"),
    ("Cheap loans approved instantly, no credit check", "spam"),
    ("You have won a holiday, claim your free tickets", "spam"),
    ("Limited offer: buy one get one free, click now", "spam"),
    ("Congratulations, your prize is waiting, reply to claim", "spam"),
    ("Earn money fast from home, click the link", "spam"),
    ("Are we still meeting for lunch tomorrow?", "ham"),
    ("Here are the notes from today's lecture", "ham"),
    ("Can you review my pull request before Friday?", "ham"),
    ("Dinner at seven? I will bring the salad", "ham"),
    ("The train is late, I will be there in twenty minutes", "ham"),
    ("Thanks for the feedback on the report", "ham"),
]
texts = [text for text, _ in messages]
labels = [label for _, label in messages]
model = make_pipeline(CountVectorizer(), MultinomialNB()).fit(texts, labels)

new_messages = [
    "Click here to claim your free prize",
    "Lunch tomorrow after the lecture?",
    "Free tickets for the train, reply now",
]
p_spam = model.predict_proba(new_messages)[:, list(model.classes_).index("spam")]
for text, label, p in zip(new_messages, model.predict(new_messages), p_spam, strict=True):
    print(f"{label:4}  P(spam)={p:.2f}  {text}")

vectorizer, bayes = model.named_steps.values()
spam_row = list(bayes.classes_).index("spam")
ratio = bayes.feature_log_prob_[spam_row] - bayes.feature_log_prob_[1 - spam_row]
words = vectorizer.get_feature_names_out()
print("most spammy words:", ", ".join(words[i] for i in ratio.argsort()[::-1][:5]))
