"""Test data for the evaluation corpus: people and ordinary technical words.

Written separately from the gazetteer. UNSEEN_NAMES are held out on purpose: their parts
are kept out of journal/data/names so the evaluation measures recall on names the
gazetteer never saw (the evaluation reports how many are truly absent).
"""

from __future__ import annotations

TEST_NAMES: tuple[str, ...] = (
    # English-speaking
    "Emily Carter", "James O'Connor", "Sophie Turner", "Liam Walsh", "Rebecca Hughes",
    "Nathan Brooks", "Chloe Bennett", "Oliver Grant", "Megan Doyle", "Connor Reid",
    # Spanish / Portuguese / Latin American
    "Lucía Fernández", "Javier Morales", "Camila Rojas", "Mateo Herrera", "Valentina Cruz",
    "João Pereira", "Beatriz Almeida", "Thiago Costa", "Gabriela Nunes", "Rafael Duarte",
    # French / German / Italian / Dutch / Nordic
    "Camille Lefèvre", "Julien Moreau", "Élodie Garnier", "Lukas Becker", "Katharina Vogel",
    "Jonas Hartmann", "Giulia Romano", "Matteo Ricci", "Sanne de Vries", "Pieter Bakker",
    "Ingrid Johansson", "Mikkel Sørensen", "Aino Virtanen", "Sigrid Halvorsen",
    # Slavic / Greek / Turkish
    "Tomasz Wójcik", "Agnieszka Nowak", "Dmitri Volkov", "Olena Shevchenko", "Milan Horvat",
    "Nikos Papadakis", "Eleni Georgiou", "Emre Yılmaz", "Zeynep Demir", "Burak Aydın",
    # Arabic / Persian / Hebrew
    "Omar Haddad", "Layla Mansour", "Youssef El-Amin", "Fatima Zahra", "Karim Nassar",
    "Reza Hosseini", "Shirin Karimi", "Dariush Tehrani", "Noa Friedman", "Itai Levy",
    # South Asian
    "Priya Raghunathan", "Arjun Mehta", "Ananya Iyer", "Rohan Kulkarni", "Sneha Banerjee",
    "Karthik Subramanian", "Harpreet Sandhu", "Aisha Siddiqui", "Tanvir Hossain", "Sujan Shrestha",
    # East and Southeast Asian
    "Wei Zhang", "Li Na", "Xiaoming Chen", "Mei Lin", "Haruto Sato", "Yuki Tanaka",
    "Seo-yeon Park", "Min-jun Kim", "Nguyen Van An", "Linh Tran", "Somchai Srisai",
    "Dewi Lestari", "Budi Santoso", "Maria Santos", "Jose Reyes",
    # African
    "Oluwaseun Adeyemi", "Chiamaka Okafor", "Kwame Mensah", "Abena Owusu", "Wanjiru Kamau",
    "Tesfaye Bekele", "Thabo Nkosi", "Nomvula Dlamini", "Fatou Diop", "Tendai Moyo",
)

# Held out: not in the gazetteer (rarer spellings, less common cultures and names).
UNSEEN_NAMES: tuple[str, ...] = (
    "Eirlys Pennant", "Tancredi Malvezzi", "Ximeno Urquiza", "Ondine Vasseaux",
    "Radomir Kosturko", "Zdravka Petkanova", "Yerlan Zhaksybek", "Qudsia Baheer",
    "Thandolwethu Mabaso", "Kanoa Kealamakia", "Ulugbek Toshpulatov", "Chimwemwe Banda",
    "Anwuli Ezeudu", "Sefa Agyapong", "Mahlet Woldemariam", "Oyunbileg Batbayar",
    "Tsering Dolkar", "Phuntsok Wangdi", "Nalesoni Vainikolo", "Ikaika Kahale",
    "Sølvi Brekke", "Ragnhild Aasheim", "Oisín Ó Conghaile", "Brígida Quintanilha",
)

TECH_WORDS: tuple[str, ...] = (
    "ChatGPT", "Claude", "Copilot", "Gemini", "Excel", "Python", "SQL", "Kubernetes", "Docker",
    "React", "Jira", "Slack", "GitHub", "AWS", "Azure", "Linux", "Windows", "Notion", "Figma",
    "PowerPoint", "Llama", "Mistral", "Perplexity", "Midjourney", "Whisper", "LangChain",
    "PyTorch", "TensorFlow", "Pandas", "NumPy", "Jupyter", "Postgres", "Redis", "Terraform",
    "Grafana", "Confluence", "Trello", "Zoom", "Teams", "Outlook", "Gmail", "Chrome", "Firefox",
    "Ollama", "DeepSeek", "Qwen", "Anthropic", "OpenAI", "Cursor", "Replit", "Streamlit",
    "Gradio", "Colab", "Kaggle", "Databricks", "Snowflake", "BigQuery", "Tableau", "Airflow",
    "FastAPI", "Django", "Flask", "TypeScript", "JavaScript", "Rust", "Kotlin", "Bash", "macOS",
    "Ubuntu", "Vim", "VSCode", "Obsidian", "Dropbox", "Salesforce", "HubSpot", "Zapier",
    "Monday", "January", "March", "Friday", "Summary", "Results", "Prompt", "Transformer",
    "Markdown", "JSON", "YAML", "Whisper", "Bedrock", "Vertex", "HuggingFace", "Pinecone",
)

ORDINARY_CAPITALISED: tuple[str, ...] = (
    "Then", "Asked", "Summary", "Overall", "Tried", "Later", "Next", "Also", "Today",
    "Afterwards", "Honestly", "Interestingly", "Compared", "Retried", "Notes", "Verdict",
)
