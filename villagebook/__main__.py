from villagebook.launch import main

main()
